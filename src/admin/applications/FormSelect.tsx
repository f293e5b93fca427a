// antd's Select inside a required Form.Item receives aria-required and puts it on its outer
// <div>, where ARIA does not allow it (axe: aria-allowed-attr). The field's required state is
// still announced by the label's mark and the validation message, so the attribute is dropped.
import { Select, TreeSelect, type SelectProps, type TreeSelectProps } from 'antd';

export function FormSelect<V = unknown>(props: SelectProps<V> & { 'aria-required'?: unknown }) {
  const { 'aria-required': _dropped, ...rest } = props;
  return <Select<V> {...rest} />;
}

/** The same for TreeSelect (the column picker of the item editor). */
export function FormTreeSelect(props: TreeSelectProps & { 'aria-required'?: unknown }) {
  const { 'aria-required': _dropped, ...rest } = props;
  return <TreeSelect {...rest} />;
}

// The honest page for a module that is not built yet: what it will do, and no invented data.
import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';

export function PlaceholderPage({ title, purpose }: { title: string; purpose: string }) {
  return (
    <Result
      icon={<ToolOutlined aria-hidden />}
      title={<h1 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{`${title}：本模块正在建设中`}</h1>}
      subTitle={purpose}
    />
  );
}

/** A page component for the route table: `page: placeholder('年度报告', '…')`. */
export function placeholder(title: string, purpose: string): ComponentType {
  const Page = () => <PlaceholderPage title={title} purpose={purpose} />;
  Page.displayName = `Placeholder(${title})`;
  return Page;
}

// Chooses between the login page and the signed-in layout.
import { Flex, Spin } from 'antd';
import { LoginPage } from './auth/LoginPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { useSession } from './session.tsx';

export function AdminApp() {
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" tip="正在加载…">
          <div style={{ width: 120, height: 80 }} />
        </Spin>
      </Flex>
    );
  }
  if (state.status === 'anonymous') return <LoginPage notice={state.notice} />;
  return <AppLayout />;
}

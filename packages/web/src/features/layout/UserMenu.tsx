import { Avatar, Button, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { useLogout } from '../auth/useLogout';

/** Header account menu: name and organisation, with profile, change password and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined aria-hidden />, label: t('nav.profile') },
    { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('nav.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('nav.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    else if (key === 'password') navigate('/profile#password');
    else if (key === 'logout') logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="user-menu-trigger" aria-haspopup="menu" style={{ height: 48 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ backgroundColor: '#1f5fbf' }} icon={<UserOutlined aria-hidden />} />
          <Flex vertical align="start" style={{ lineHeight: 1.25 }}>
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {me.organisation.name}
            </Typography.Text>
          </Flex>
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}

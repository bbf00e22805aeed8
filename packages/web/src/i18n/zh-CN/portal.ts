// 网上服务 (the public portal): the frame, sign-in and home. Each part of the portal adds its own file.
export const portal = {
  portal: {
    title: '法律援助网上服务',
    skipToContent: '跳到正文',
    navLabel: '网上服务导航',
    formErrors: '请检查以下内容：{{fields}}',
    signIn: '登录',
    signOut: '退出登录',
    elderMode: '长辈模式',
    footer: '北京市法律援助网上服务 · 法律援助热线 12348',
    nav: {
      home: '首页',
      selfTest: '自助测评',
    },
    home: {
      title: '法律援助网上服务',
      intro: '不用跑腿：在手机上申请法律援助、查看办理进度、预约咨询。请选择您要办理的事项。',
      signInTile: '手机验证码登录',
      hotline: '不方便上网？请拨打法律援助热线',
    },
    signInPage: {
      title: '登录',
      intro: '输入手机号，获取短信验证码后登录。无需注册，也不用记密码。',
      phone: '手机号',
      phoneRequired: '请输入手机号',
      phoneInvalid: '请输入 11 位手机号码',
      sendCode: '获取验证码',
      resendIn: '{{seconds}} 秒后可重新获取',
      sent: '验证码已发送，5 分钟内有效',
      code: '短信验证码',
      codeRequired: '请输入短信验证码',
      codeInvalid: '验证码是 6 位数字',
      submit: '登录',
      privacy: '您的手机号仅用于登录和通知办理进度，加密保存，不会提供给他人。',
    },
  },
};

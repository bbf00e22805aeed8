// 消息: the outbox as staff see it.
export const messages = {
  messages: {
    nav: '消息',
    title: '消息',
    intro:
      '系统发出或待发的短信和邮件。收件人已部分隐藏；登录验证码的内容不显示。“模拟发送”表示未接入短信或邮件服务，消息没有真正发出。',
    createdAt: '时间',
    recipient: '收件人',
    kind: '类型',
    channel: '渠道',
    sms: '短信',
    email: '邮件',
    status: '状态',
    attempts: '尝试次数',
    kindOther: '其他通知',
    lastError: '最近错误',
    sentAt: '发出时间',
    statuses: {
      pending: '待发送',
      sent: '已发出',
      delivered: '已送达',
      simulated: '模拟发送',
      failed: '发送失败',
    },
    kinds: {
      otp_code: '登录验证码',
      application_received: '申请已受理',
      supplement_requested: '补充材料通知',
      aid_granted: '给予援助',
      aid_refused: '不予援助',
      appointment_booked: '预约成功',
      appointment_booked_video: '视频咨询预约成功',
      appointment_reminder: '预约提醒',
    },
  },
};

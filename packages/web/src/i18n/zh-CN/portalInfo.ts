// 援务公开: the public information pages of the portal.
export const portalInfo = {
  portalInfo: {
    nav: '援务公开',
    title: '援务公开',
    points: '服务网点',
    district: '按区查看',
    address: '地址：{{address}}',
    hours: '接待时间：{{hours}}',
    call: '电话 {{phone}}',
    map: '地图',
    matters: '援助事项和经济困难标准',
    line: '经济困难标准：家庭人均月收入不高于 {{amount}} 元（自 {{from}} 起，依据 {{citation}}）。以下事项可以申请法律援助：',
    selfTest: '不确定能否申请？先做自助测评',
    commitments: '服务承诺与办理时限',
    days: '日',
    workingDays: '个工作日',
    complain: '如何投诉',
    complainText:
      '对法律援助机构、律师或其他法律援助人员的服务不满意，可以向司法行政部门投诉（《法律援助法》第五十五条），也可以在网上提交。',
    complainOnline: '在网上投诉',
  },
};

// zh-CN catalog: the bureau's evaluation of centres (考评, issue 15).
export const kpis = {
  kpis: {
    nav: '中心考评',
    title: '法律援助中心考评',
    intro:
      '按规则数据中的计算公式，由业务记录统计各中心的按期办理率、质量评分、满意度、投诉率和刑事案件指派率（《关于完善法律援助制度的实施意见》（十二））；“—”表示本期没有可计算的数据。',
    period: '考评期间',
    centre: '法律援助中心',
    pdf: '导出 PDF 报告',
  },
};

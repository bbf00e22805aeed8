// zh-CN catalog, the global search (全局搜索) in the staff header.
export const search = {
  search: {
    open: '搜索',
    shortcut: 'Ctrl K',
    title: '全局搜索',
    placeholder: '姓名、拼音或首字母、身份证号、电话、申请或文书编号',
    hint: '输入至少两个字；编号可只输入序号（如 00002）',
    empty: '没有找到匹配的记录',
    failed: '搜索失败，请稍后重试',
    keys: '↑↓ 选择 · Enter 打开 · Esc 关闭',
    kinds: {
      person: '当事人',
      application: '申请与案件',
      consultation: '咨询',
      handler: '法律援助人员',
    },
  },
};

-- Issue 12 (no codes reach a person): the rules page shows a rule version's note to staff, and the
-- one shipped note was written in English with a short citation. The same note in Chinese.
UPDATE "rule_rows"
  SET "note" = '已停止适用：依《法律援助法》第四十三条，申请人未按要求补充材料或者作出说明的，视为撤回申请，不作不予援助决定'
  WHERE "id" = 'cn.refusal_reason.materials_incomplete.v1'
    AND "note" = 'Closed (issue 11 §4): LAL art.43(2) deems such an application withdrawn, never refused';

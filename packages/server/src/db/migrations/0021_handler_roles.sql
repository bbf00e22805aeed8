-- The handler's standing by matter (issue 11 §5): a person facing compulsory medical treatment is
-- represented (诉讼代理人, LAL art.28), never defended. Printed by
--   npx tsx packages/server/scripts/generate-rule-seed.ts --lists handler_role -
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('cn.handler_role.criminal_defense.v1', 'list_item', '000000', 'handler_role:criminal_defense', '{"list":"handler_role","code":"criminal_defense","nameZh":"辩护人","nameEn":"defence counsel","params":{}}', 'LAL art.24; LAL art.25', '2022-01-01', NULL),
  ('cn.handler_role.criminal_victim.v1', 'list_item', '000000', 'handler_role:criminal_victim', '{"list":"handler_role","code":"criminal_victim","nameZh":"诉讼代理人","nameEn":"litigation representative","params":{}}', 'LAL art.29', '2022-01-01', NULL),
  ('cn.handler_role.compulsory_medical_treatment.v1', 'list_item', '000000', 'handler_role:compulsory_medical_treatment', '{"list":"handler_role","code":"compulsory_medical_treatment","nameZh":"诉讼代理人","nameEn":"litigation representative","params":{}}', 'LAL art.28', '2022-01-01', NULL);

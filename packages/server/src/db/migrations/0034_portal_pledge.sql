ALTER TABLE "applications" ADD COLUMN "pledge" jsonb;--> statement-breakpoint
-- The applicant's integrity pledge of an online application (LAL art.41: the applicant states their
-- economic situation truthfully, or makes a personal integrity pledge). The wording is the centre's own.
INSERT INTO "rule_rows" ("id", "rule_table", "jurisdiction", "key", "data", "citation", "effective_from", "effective_to") VALUES
  ('bj.applicant_pledge.online_application.v1', 'list_item', '110000', 'applicant_pledge:online_application', '{"list":"applicant_pledge","code":"online_application","nameZh":"申请人诚信承诺","nameEn":"Applicant''s integrity pledge","params":{"textZh":"本人承诺：本次申请所填写的身份信息、家庭经济状况和案件情况真实、完整，所提交的材料真实有效。如有隐瞒或者虚假，本人愿意承担相应的法律责任，法律援助机构可以依法不予或者终止法律援助。","textEn":"I promise that the identity, household finances and facts of the case I have given are true and complete and the materials I submit are genuine. If anything is concealed or false, I accept the legal consequences, and the legal aid centre may refuse or end legal aid as the law provides."}}', 'LAL art.41', '2022-01-01', NULL);
--> statement-breakpoint
SELECT fayuan_grant_app_role();

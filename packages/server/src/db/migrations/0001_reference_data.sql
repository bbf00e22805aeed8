-- Organisation parent link, audit log protection, and the reference data every install starts with.
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "organisations"("id");
--> statement-breakpoint
CREATE FUNCTION fayuan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION fayuan_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION fayuan_audit_append_only();
--> statement-breakpoint
INSERT INTO "organisation_kinds" ("code", "name_zh", "name_en", "sort_order") VALUES
  ('justice_bureau', '司法行政机关', 'Justice bureau', 5),
  ('city_centre', '市法律援助中心', 'City legal aid centre', 10),
  ('district_centre', '区法律援助中心', 'District legal aid centre', 20),
  ('street_workstation', '街道（乡镇）法律援助工作站', 'Street / township workstation', 30),
  ('detention_centre_station', '看守所法律援助工作站', 'Detention centre workstation', 40),
  ('court_station', '法院法律援助工作站', 'Court workstation', 41),
  ('procuratorate_station', '检察院法律援助工作站', 'Procuratorate workstation', 42),
  ('police_case_centre_station', '公安执法办案中心法律援助工作站', 'Police case-handling centre workstation', 43),
  ('school_station', '学校法律援助工作站', 'School workstation', 50),
  ('nursing_home_station', '养老机构法律援助工作站', 'Nursing home workstation', 51),
  ('military_camp_station', '军营法律援助工作站', 'Military camp workstation', 52),
  ('community_contact_point', '社区（村）法律援助联系点', 'Community contact point', 60);
--> statement-breakpoint
-- The tree: ids are fixed so that every install shares them; paths are derived from the parents.
CREATE TEMP TABLE seed_org (id uuid, parent uuid, code text, name text, kind text, region text) ON COMMIT DROP;
--> statement-breakpoint
INSERT INTO seed_org VALUES
  ('00000000-0000-4000-8000-000000110001', NULL, 'BJ-SFJ', '北京市司法局', 'justice_bureau', '110000'),
  ('00000000-0000-4000-8000-000000110000', NULL, '110000', '北京市法律援助中心', 'city_centre', '110000'),
  ('00000000-0000-4000-8000-000000110101', '00000000-0000-4000-8000-000000110000', '110101', '东城区法律援助中心', 'district_centre', '110101'),
  ('00000000-0000-4000-8000-000000110102', '00000000-0000-4000-8000-000000110000', '110102', '西城区法律援助中心', 'district_centre', '110102'),
  ('00000000-0000-4000-8000-000000110105', '00000000-0000-4000-8000-000000110000', '110105', '朝阳区法律援助中心', 'district_centre', '110105'),
  ('00000000-0000-4000-8000-000000110106', '00000000-0000-4000-8000-000000110000', '110106', '丰台区法律援助中心', 'district_centre', '110106'),
  ('00000000-0000-4000-8000-000000110107', '00000000-0000-4000-8000-000000110000', '110107', '石景山区法律援助中心', 'district_centre', '110107'),
  ('00000000-0000-4000-8000-000000110108', '00000000-0000-4000-8000-000000110000', '110108', '海淀区法律援助中心', 'district_centre', '110108'),
  ('00000000-0000-4000-8000-000000110109', '00000000-0000-4000-8000-000000110000', '110109', '门头沟区法律援助中心', 'district_centre', '110109'),
  ('00000000-0000-4000-8000-000000110111', '00000000-0000-4000-8000-000000110000', '110111', '房山区法律援助中心', 'district_centre', '110111'),
  ('00000000-0000-4000-8000-000000110112', '00000000-0000-4000-8000-000000110000', '110112', '通州区法律援助中心', 'district_centre', '110112'),
  ('00000000-0000-4000-8000-000000110113', '00000000-0000-4000-8000-000000110000', '110113', '顺义区法律援助中心', 'district_centre', '110113'),
  ('00000000-0000-4000-8000-000000110114', '00000000-0000-4000-8000-000000110000', '110114', '昌平区法律援助中心', 'district_centre', '110114'),
  ('00000000-0000-4000-8000-000000110115', '00000000-0000-4000-8000-000000110000', '110115', '大兴区法律援助中心', 'district_centre', '110115'),
  ('00000000-0000-4000-8000-000000110116', '00000000-0000-4000-8000-000000110000', '110116', '怀柔区法律援助中心', 'district_centre', '110116'),
  ('00000000-0000-4000-8000-000000110117', '00000000-0000-4000-8000-000000110000', '110117', '平谷区法律援助中心', 'district_centre', '110117'),
  ('00000000-0000-4000-8000-000000110118', '00000000-0000-4000-8000-000000110000', '110118', '密云区法律援助中心', 'district_centre', '110118'),
  ('00000000-0000-4000-8000-000000110119', '00000000-0000-4000-8000-000000110000', '110119', '延庆区法律援助中心', 'district_centre', '110119'),
  -- Sample workstations (names are illustrative; administrators edit the real network).
  ('00000000-0000-4000-8001-000000110105', '00000000-0000-4000-8000-000000110105', '110105-JD01', '朝外街道法律援助工作站', 'street_workstation', '110105'),
  ('00000000-0000-4000-8002-000000110105', '00000000-0000-4000-8000-000000110105', '110105-KSS01', '朝阳区看守所法律援助工作站', 'detention_centre_station', '110105'),
  ('00000000-0000-4000-8003-000000110105', '00000000-0000-4000-8000-000000110105', '110105-FY01', '朝阳区人民法院法律援助工作站', 'court_station', '110105'),
  ('00000000-0000-4000-8004-000000110105', '00000000-0000-4000-8000-000000110105', '110105-JCY01', '朝阳区人民检察院法律援助工作站', 'procuratorate_station', '110105'),
  ('00000000-0000-4000-8005-000000110105', '00000000-0000-4000-8000-000000110105', '110105-GA01', '朝阳公安执法办案管理中心法律援助工作站', 'police_case_centre_station', '110105'),
  ('00000000-0000-4000-8006-000000110105', '00000000-0000-4000-8000-000000110105', '110105-XX01', '朝阳区某中学法律援助工作站', 'school_station', '110105'),
  ('00000000-0000-4000-8007-000000110105', '00000000-0000-4000-8000-000000110105', '110105-YL01', '朝阳区某养老院法律援助工作站', 'nursing_home_station', '110105'),
  ('00000000-0000-4000-8008-000000110105', '00000000-0000-4000-8000-000000110105', '110105-JY01', '朝阳区某部队军营法律援助工作站', 'military_camp_station', '110105'),
  ('00000000-0000-4000-8009-000000110105', '00000000-0000-4000-8001-000000110105', '110105-JD01-SQ01', '朝外街道某社区法律援助联系点', 'community_contact_point', '110105'),
  ('00000000-0000-4000-8001-000000110108', '00000000-0000-4000-8000-000000110108', '110108-JD01', '中关村街道法律援助工作站', 'street_workstation', '110108'),
  ('00000000-0000-4000-8002-000000110108', '00000000-0000-4000-8000-000000110108', '110108-KSS01', '海淀区看守所法律援助工作站', 'detention_centre_station', '110108'),
  ('00000000-0000-4000-8003-000000110108', '00000000-0000-4000-8000-000000110108', '110108-FY01', '海淀区人民法院法律援助工作站', 'court_station', '110108'),
  ('00000000-0000-4000-8004-000000110108', '00000000-0000-4000-8000-000000110108', '110108-JCY01', '海淀区人民检察院法律援助工作站', 'procuratorate_station', '110108'),
  ('00000000-0000-4000-8005-000000110108', '00000000-0000-4000-8000-000000110108', '110108-GA01', '海淀公安执法办案管理中心法律援助工作站', 'police_case_centre_station', '110108'),
  ('00000000-0000-4000-8006-000000110108', '00000000-0000-4000-8000-000000110108', '110108-XX01', '海淀区某大学法律援助工作站', 'school_station', '110108'),
  ('00000000-0000-4000-8007-000000110108', '00000000-0000-4000-8000-000000110108', '110108-YL01', '海淀区某养老院法律援助工作站', 'nursing_home_station', '110108'),
  ('00000000-0000-4000-8008-000000110108', '00000000-0000-4000-8000-000000110108', '110108-JY01', '海淀区某部队军营法律援助工作站', 'military_camp_station', '110108'),
  ('00000000-0000-4000-8009-000000110108', '00000000-0000-4000-8001-000000110108', '110108-JD01-SQ01', '中关村街道某社区法律援助联系点', 'community_contact_point', '110108'),
  ('00000000-0000-4000-8001-000000110101', '00000000-0000-4000-8000-000000110101', '110101-JD01', '东华门街道法律援助工作站', 'street_workstation', '110101'),
  ('00000000-0000-4000-8001-000000110102', '00000000-0000-4000-8000-000000110102', '110102-JD01', '西长安街街道法律援助工作站', 'street_workstation', '110102'),
  ('00000000-0000-4000-8001-000000110106', '00000000-0000-4000-8000-000000110106', '110106-JD01', '丰台街道法律援助工作站', 'street_workstation', '110106');
--> statement-breakpoint
WITH RECURSIVE tree AS (
  SELECT id, parent, code, name, kind, region, '/' || id::text || '/' AS path FROM seed_org WHERE parent IS NULL
  UNION ALL
  SELECT s.id, s.parent, s.code, s.name, s.kind, s.region, t.path || s.id::text || '/'
  FROM seed_org s JOIN tree t ON s.parent = t.id
)
INSERT INTO "organisations" ("id", "parent_id", "code", "name", "kind", "region_code", "path")
SELECT id, parent, code, name, kind, region, path FROM tree ORDER BY length(path);

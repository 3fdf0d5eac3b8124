-- An archive written before the PostgreSQL backend (sqlite-utils migrations m001-m010):
-- two closed meetings. tests/store/test_archive_contract.py upgrades it.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'facilitator','m001_journal_and_minutes','2026-11-27 21:19:13.603740+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'facilitator','m002_task_updates','2026-11-27 21:19:13.604055+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'facilitator','m003_exports','2026-11-27 21:19:13.604318+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'facilitator','m004_retrospectives','2026-11-27 21:19:13.604539+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'facilitator','m010_open_tasks_index','2026-11-27 21:19:13.604630+00:00');
CREATE TABLE "attendance" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "name" TEXT,
   "department" TEXT,
   "status" TEXT,
   "briefer" TEXT
);
INSERT INTO "attendance" VALUES(1,1,'Marta','Marketing','present','');
INSERT INTO "attendance" VALUES(2,1,'Ana','Project office','present','');
INSERT INTO "attendance" VALUES(3,1,'Zhao','Project office','present','');
INSERT INTO "attendance" VALUES(4,1,'Li','R&D','present','');
INSERT INTO "attendance" VALUES(5,1,'Wang','Sales','absent','Marta');
INSERT INTO "attendance" VALUES(6,2,'韩梅梅','市场部','present','');
INSERT INTO "attendance" VALUES(7,2,'李雷','研发部','present','');
INSERT INTO "attendance" VALUES(8,2,'赵芳','项目部','present','');
INSERT INTO "attendance" VALUES(9,2,'周敏','项目部','present','');
CREATE TABLE "decisions" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT
);
INSERT INTO "decisions" VALUES(1,1,1,1,'ship on 20 Sept');
INSERT INTO "decisions" VALUES(2,2,4,1,'推广时间调整为9月20日');
CREATE TABLE "disputes" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT,
   "sides" TEXT
);
INSERT INTO "disputes" VALUES(1,1,1,1,'R&D: longer tests | Marketing: keep the date','[{"party": "R&D", "position": "longer tests"}, {"party": "Marketing", "position": "keep the date"}]');
INSERT INTO "disputes" VALUES(2,2,4,1,'研发部: 需延长测试周期 | 市场部: 担心影响推广节奏','[{"party": "研发部", "position": "需延长测试周期"}, {"party": "市场部", "position": "担心影响推广节奏"}]');
CREATE TABLE "exports" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER NOT NULL REFERENCES "meetings"("id"),
   "format" TEXT NOT NULL,
   "at" TEXT NOT NULL
);
CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            grp INTEGER
        );
INSERT INTO "journal" VALUES(1,1,'2026-03-02T10:00:00+01:00','meeting_created','{"agenda":{"title":"Q3 launch coordination","goal":"Agree the Q3 launch timetable","kind":"kickoff","start":"2026-03-02T10:00:00+01:00","end":"2026-03-02T11:00:00+01:00","timezone":"Europe/Berlin","place":"Room 3A","online":"https://meet.example.com/q3","rsvp_by":"2026-02-26T17:00:00+01:00","materials":["Development plan","Campaign draft"],"language":"en","holidays":null,"balance_threshold":0.5,"rules":[],"uid":"","people":[{"name":"Ana","department":"Project office","role":"host","email":"ana@example.com","title":""},{"name":"Zhao","department":"Project office","role":"recorder","email":"zhao@example.com","title":""},{"name":"Li","department":"R&D","role":"attendee","email":"li@example.com","title":""},{"name":"Marta","department":"Marketing","role":"attendee","email":"","title":""},{"name":"Wang","department":"Sales","role":"attendee","email":"wang@example.com","title":""}],"topics":[{"id":"t1","title":"R&D progress and risks","owner":"Li","minutes":15},{"id":"t2","title":"Launch campaign","owner":"Marta","minutes":15},{"id":"t3","title":"Sales training","owner":"Wang","minutes":10}]}}',NULL);
INSERT INTO "journal" VALUES(2,1,'2026-03-02T09:00:00+00:00','attendance_marked','{"person":"Marta","status":"present","briefer":""}',NULL);
INSERT INTO "journal" VALUES(3,1,'2026-03-02T09:00:00+00:00','attendance_marked','{"person":"Wang","status":"absent","briefer":"Marta"}',2);
INSERT INTO "journal" VALUES(4,1,'2026-03-02T09:02:00+00:00','topic_started','{"topic":"t1"}',NULL);
INSERT INTO "journal" VALUES(5,1,'2026-03-02T09:02:00+00:00','speaker_called','{"person":"Li"}',4);
INSERT INTO "journal" VALUES(6,1,'2026-03-02T09:04:00+00:00','entry_captured','{"entry":{"kind":"point","text":"Front end 80% done, back end in integration","topic":"t1","owner":"","due":null,"sides":[],"raw":"Front end 80% done, back end in integration"}}',NULL);
INSERT INTO "journal" VALUES(7,1,'2026-03-02T09:06:00+00:00','entry_captured','{"entry":{"kind":"dispute","text":"R&D: longer tests | Marketing: keep the date","topic":"t1","owner":"","due":null,"sides":[{"party":"R&D","position":"longer tests"},{"party":"Marketing","position":"keep the date"}],"raw":"x: R&D: longer tests | Marketing: keep the date"}}',NULL);
INSERT INTO "journal" VALUES(8,1,'2026-03-02T09:08:00+00:00','entry_captured','{"entry":{"kind":"decision","text":"ship on 20 Sept","topic":"t1","owner":"","due":null,"sides":[],"raw":"d: ship on 20 Sept"}}',NULL);
INSERT INTO "journal" VALUES(9,1,'2026-03-02T09:10:00+00:00','entry_captured','{"entry":{"kind":"action","text":"submit the test resource form","topic":"t1","owner":"Li","due":"2026-03-10","sides":[],"raw":"a: @Li submit the test resource form by 3/10"}}',NULL);
INSERT INTO "journal" VALUES(10,1,'2026-03-02T09:12:00+00:00','topic_started','{"topic":"t2"}',NULL);
INSERT INTO "journal" VALUES(11,1,'2026-03-02T09:12:00+00:00','speaker_called','{"person":"Marta"}',10);
INSERT INTO "journal" VALUES(12,1,'2026-03-02T09:14:00+00:00','entry_captured','{"entry":{"kind":"unresolved","text":"budget approval","topic":"t2","owner":"Marta","due":"2026-03-05","sides":[],"raw":"u: @Marta budget approval in 3 workdays"}}',NULL);
INSERT INTO "journal" VALUES(13,1,'2026-03-02T09:16:00+00:00','entry_captured','{"entry":{"kind":"action","text":"campaign draft","topic":"t2","owner":"Marta","due":"2026-03-20","sides":[],"raw":"a: @Marta campaign draft by 3/20"}}',NULL);
INSERT INTO "journal" VALUES(14,1,'2026-03-02T09:18:00+00:00','meeting_closed','{}',NULL);
INSERT INTO "journal" VALUES(15,2,'2026-03-02T14:00:00+08:00','meeting_created','{"agenda":{"title":"Q3新产品上线协调会","goal":"确定Q3产品上线时间表","kind":"kickoff","start":"2026-03-02T14:00:00+08:00","end":"2026-03-02T16:00:00+08:00","timezone":"Asia/Shanghai","place":"公司3楼会议室A","online":"","rsvp_by":"2026-02-26T17:00:00+08:00","materials":["产品开发计划表","市场推广初稿"],"language":"zh","holidays":null,"balance_threshold":0.5,"rules":[],"uid":"","people":[{"name":"周敏","department":"项目部","role":"host","email":"zhoumin@example.com","title":""},{"name":"赵芳","department":"项目部","role":"recorder","email":"","title":""},{"name":"李雷","department":"研发部","role":"attendee","email":"","title":""},{"name":"韩梅梅","department":"市场部","role":"attendee","email":"","title":""}],"topics":[{"id":"t1","title":"研发进度汇报","owner":"李雷","minutes":20},{"id":"t2","title":"推广方案确认","owner":"韩梅梅","minutes":20}]}}',NULL);
INSERT INTO "journal" VALUES(16,2,'2026-03-02T06:00:00+00:00','topic_started','{"topic":"t1"}',NULL);
INSERT INTO "journal" VALUES(17,2,'2026-03-02T06:00:00+00:00','speaker_called','{"person":"李雷"}',16);
INSERT INTO "journal" VALUES(18,2,'2026-03-02T06:02:00+00:00','entry_captured','{"entry":{"kind":"point","text":"前端开发完成80%，后端接口联调中","topic":"t1","owner":"","due":null,"sides":[],"raw":"前端开发完成80%，后端接口联调中"}}',NULL);
INSERT INTO "journal" VALUES(19,2,'2026-03-02T06:04:00+00:00','entry_captured','{"entry":{"kind":"dispute","text":"研发部: 需延长测试周期 | 市场部: 担心影响推广节奏","topic":"t1","owner":"","due":null,"sides":[{"party":"研发部","position":"需延长测试周期"},{"party":"市场部","position":"担心影响推广节奏"}],"raw":"争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏"}}',NULL);
INSERT INTO "journal" VALUES(20,2,'2026-03-02T06:06:00+00:00','entry_captured','{"entry":{"kind":"decision","text":"推广时间调整为9月20日","topic":"t1","owner":"","due":null,"sides":[],"raw":"决定: 推广时间调整为9月20日"}}',NULL);
INSERT INTO "journal" VALUES(21,2,'2026-03-02T06:08:00+00:00','entry_captured','{"entry":{"kind":"action","text":"提交测试资源申请表","topic":"t1","owner":"李雷","due":"2026-03-10","sides":[],"raw":"任务: @李雷 提交测试资源申请表 3月10日"}}',NULL);
INSERT INTO "journal" VALUES(22,2,'2026-03-02T06:10:00+00:00','topic_started','{"topic":"t2"}',NULL);
INSERT INTO "journal" VALUES(23,2,'2026-03-02T06:10:00+00:00','speaker_called','{"person":"韩梅梅"}',22);
INSERT INTO "journal" VALUES(24,2,'2026-03-02T06:12:00+00:00','entry_captured','{"entry":{"kind":"unresolved","text":"预算审批","topic":"t2","owner":"韩梅梅","due":"2026-03-05","sides":[],"raw":"待定: @韩梅梅 预算审批 3个工作日内"}}',NULL);
INSERT INTO "journal" VALUES(25,2,'2026-03-02T06:14:00+00:00','meeting_closed','{}',NULL);
CREATE TABLE "meetings" (
   "id" INTEGER PRIMARY KEY,
   "key" TEXT NOT NULL,
   "title" TEXT NOT NULL,
   "goal" TEXT,
   "kind" TEXT,
   "start" TEXT NOT NULL,
   "end" TEXT NOT NULL,
   "timezone" TEXT,
   "place" TEXT,
   "online" TEXT,
   "rsvp_by" TEXT,
   "language" TEXT,
   "status" TEXT NOT NULL DEFAULT 'planned',
   "created_at" TEXT NOT NULL,
   "opened_at" TEXT,
   "closed_at" TEXT,
   "host" TEXT,
   "recorder" TEXT,
   "agenda" TEXT
);
INSERT INTO "meetings" VALUES(1,'20260302T0900Z-q3-launch-coordination','Q3 launch coordination','Agree the Q3 launch timetable','kickoff','2026-03-02T10:00:00+01:00','2026-03-02T11:00:00+01:00','Europe/Berlin','Room 3A','https://meet.example.com/q3','2026-02-26T17:00:00+01:00','en','closed','2026-03-02T10:00:00+01:00','2026-03-02T09:02:00+00:00','2026-03-02T10:18:00+01:00','Ana','Zhao','{"title": "Q3 launch coordination", "goal": "Agree the Q3 launch timetable", "kind": "kickoff", "start": "2026-03-02T10:00:00+01:00", "end": "2026-03-02T11:00:00+01:00", "timezone": "Europe/Berlin", "place": "Room 3A", "online": "https://meet.example.com/q3", "rsvp_by": "2026-02-26T17:00:00+01:00", "materials": ["Development plan", "Campaign draft"], "language": "en", "holidays": null, "balance_threshold": 0.5, "rules": [], "uid": "", "people": [{"name": "Ana", "department": "Project office", "role": "host", "email": "ana@example.com", "title": ""}, {"name": "Zhao", "department": "Project office", "role": "recorder", "email": "zhao@example.com", "title": ""}, {"name": "Li", "department": "R&D", "role": "attendee", "email": "li@example.com", "title": ""}, {"name": "Marta", "department": "Marketing", "role": "attendee", "email": "", "title": ""}, {"name": "Wang", "department": "Sales", "role": "attendee", "email": "wang@example.com", "title": ""}], "topics": [{"id": "t1", "title": "R&D progress and risks", "owner": "Li", "minutes": 15}, {"id": "t2", "title": "Launch campaign", "owner": "Marta", "minutes": 15}, {"id": "t3", "title": "Sales training", "owner": "Wang", "minutes": 10}]}');
INSERT INTO "meetings" VALUES(2,'20260302T0600Z-q3新产品上线协调会','Q3新产品上线协调会','确定Q3产品上线时间表','kickoff','2026-03-02T14:00:00+08:00','2026-03-02T16:00:00+08:00','Asia/Shanghai','公司3楼会议室A','','2026-02-26T17:00:00+08:00','zh','closed','2026-03-02T14:00:00+08:00','2026-03-02T06:00:00+00:00','2026-03-02T14:14:00+08:00','周敏','赵芳','{"title": "Q3新产品上线协调会", "goal": "确定Q3产品上线时间表", "kind": "kickoff", "start": "2026-03-02T14:00:00+08:00", "end": "2026-03-02T16:00:00+08:00", "timezone": "Asia/Shanghai", "place": "公司3楼会议室A", "online": "", "rsvp_by": "2026-02-26T17:00:00+08:00", "materials": ["产品开发计划表", "市场推广初稿"], "language": "zh", "holidays": null, "balance_threshold": 0.5, "rules": [], "uid": "", "people": [{"name": "周敏", "department": "项目部", "role": "host", "email": "zhoumin@example.com", "title": ""}, {"name": "赵芳", "department": "项目部", "role": "recorder", "email": "", "title": ""}, {"name": "李雷", "department": "研发部", "role": "attendee", "email": "", "title": ""}, {"name": "韩梅梅", "department": "市场部", "role": "attendee", "email": "", "title": ""}], "topics": [{"id": "t1", "title": "研发进度汇报", "owner": "李雷", "minutes": 20}, {"id": "t2", "title": "推广方案确认", "owner": "韩梅梅", "minutes": 20}]}');
CREATE TABLE "open_items" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "text" TEXT,
   "owner" TEXT,
   "deadline" TEXT
);
INSERT INTO "open_items" VALUES(1,1,2,'budget approval','Marta','2026-03-05');
INSERT INTO "open_items" VALUES(2,2,5,'预算审批','韩梅梅','2026-03-05');
CREATE TABLE "people" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "name" TEXT,
   "department" TEXT,
   "role" TEXT,
   "email" TEXT
);
INSERT INTO "people" VALUES(1,1,'Ana','Project office','host','ana@example.com');
INSERT INTO "people" VALUES(2,1,'Zhao','Project office','recorder','zhao@example.com');
INSERT INTO "people" VALUES(3,1,'Li','R&D','attendee','li@example.com');
INSERT INTO "people" VALUES(4,1,'Marta','Marketing','attendee','');
INSERT INTO "people" VALUES(5,1,'Wang','Sales','attendee','wang@example.com');
INSERT INTO "people" VALUES(6,2,'周敏','项目部','host','zhoumin@example.com');
INSERT INTO "people" VALUES(7,2,'赵芳','项目部','recorder','');
INSERT INTO "people" VALUES(8,2,'李雷','研发部','attendee','');
INSERT INTO "people" VALUES(9,2,'韩梅梅','市场部','attendee','');
CREATE TABLE "points" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT
);
INSERT INTO "points" VALUES(1,1,1,1,'Front end 80% done, back end in integration');
INSERT INTO "points" VALUES(2,2,4,1,'前端开发完成80%，后端接口联调中');
CREATE TABLE "retrospectives" (
   "meeting_id" INTEGER PRIMARY KEY REFERENCES "meetings"("id"),
   "good" TEXT,
   "improve" TEXT,
   "rating" INTEGER,
   "at" TEXT NOT NULL
);
CREATE TABLE "speaking" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "person" TEXT,
   "department" TEXT,
   "seconds" REAL
);
INSERT INTO "speaking" VALUES(1,1,1,'Li','R&D',600.0);
INSERT INTO "speaking" VALUES(2,1,2,'Marta','Marketing',360.0);
INSERT INTO "speaking" VALUES(3,2,4,'李雷','研发部',600.0);
INSERT INTO "speaking" VALUES(4,2,5,'韩梅梅','市场部',240.0);
CREATE TABLE "task_updates" (
   "id" INTEGER PRIMARY KEY,
   "task_id" INTEGER NOT NULL REFERENCES "tasks"("id"),
   "at" TEXT NOT NULL,
   "previous" TEXT,
   "status" TEXT NOT NULL,
   "note" TEXT
);
CREATE TABLE "tasks" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "title" TEXT,
   "owner" TEXT,
   "department" TEXT,
   "due" TEXT,
   "status" TEXT DEFAULT 'open',
   "created_at" TEXT,
   "updated_at" TEXT
);
INSERT INTO "tasks" VALUES(1,1,1,'submit the test resource form','Li','R&D','2026-03-10','open','2026-03-02T10:18:00+01:00','2026-03-02T10:18:00+01:00');
INSERT INTO "tasks" VALUES(2,1,2,'campaign draft','Marta','Marketing','2026-03-20','open','2026-03-02T10:18:00+01:00','2026-03-02T10:18:00+01:00');
INSERT INTO "tasks" VALUES(3,2,4,'提交测试资源申请表','李雷','研发部','2026-03-10','open','2026-03-02T14:14:00+08:00','2026-03-02T14:14:00+08:00');
CREATE TABLE "topics" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "position" INTEGER,
   "topic_key" TEXT,
   "title" TEXT,
   "owner" TEXT,
   "planned_minutes" INTEGER,
   "extra_minutes" INTEGER,
   "actual_seconds" REAL,
   "status" TEXT,
   "started_at" TEXT,
   "ended_at" TEXT
);
INSERT INTO "topics" VALUES(1,1,1,'t1','R&D progress and risks','Li',15,0,600.0,'done','2026-03-02T09:02:00+00:00','2026-03-02T09:12:00+00:00');
INSERT INTO "topics" VALUES(2,1,2,'t2','Launch campaign','Marta',15,0,360.0,'done','2026-03-02T09:12:00+00:00','2026-03-02T10:18:00+01:00');
INSERT INTO "topics" VALUES(3,1,3,'t3','Sales training','Wang',10,0,0.0,'pending',NULL,NULL);
INSERT INTO "topics" VALUES(4,2,1,'t1','研发进度汇报','李雷',20,0,600.0,'done','2026-03-02T06:00:00+00:00','2026-03-02T06:10:00+00:00');
INSERT INTO "topics" VALUES(5,2,2,'t2','推广方案确认','韩梅梅',20,0,240.0,'done','2026-03-02T06:10:00+00:00','2026-03-02T14:14:00+08:00');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX "idx_meetings_key"
    ON "meetings" ("key");
CREATE INDEX "idx_journal_meeting_id_seq"
    ON "journal" ("meeting_id", "seq");
CREATE INDEX "idx_tasks_status_due"
    ON "tasks" ("status", "due");
CREATE INDEX "idx_tasks_owner"
    ON "tasks" ("owner");
CREATE INDEX "idx_tasks_meeting_id"
    ON "tasks" ("meeting_id");
CREATE INDEX "idx_topics_meeting_id"
    ON "topics" ("meeting_id");
CREATE INDEX "idx_people_meeting_id"
    ON "people" ("meeting_id");
CREATE INDEX "idx_attendance_meeting_id"
    ON "attendance" ("meeting_id");
CREATE INDEX "idx_points_meeting_id"
    ON "points" ("meeting_id");
CREATE INDEX "idx_decisions_meeting_id"
    ON "decisions" ("meeting_id");
CREATE INDEX "idx_disputes_meeting_id"
    ON "disputes" ("meeting_id");
CREATE INDEX "idx_open_items_meeting_id"
    ON "open_items" ("meeting_id");
CREATE INDEX "idx_speaking_meeting_id"
    ON "speaking" ("meeting_id");
CREATE INDEX "idx_task_updates_task_id_at"
    ON "task_updates" ("task_id", "at");
CREATE INDEX "idx_exports_meeting_id"
    ON "exports" ("meeting_id");
CREATE INDEX idx_tasks_open_due ON tasks(due, id) WHERE status != 'done';
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('journal',25);
COMMIT;

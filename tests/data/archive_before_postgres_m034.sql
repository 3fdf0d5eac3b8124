-- An archive written by the version before the PostgreSQL backend at its last migration
-- (sqlite-utils migrations m001-m034, FTS5 search index included): two closed meetings,
-- a task moved, an item settled, a confirmation. tests/store/test_archive_contract.py opens it as it is.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO _sqlite_migrations VALUES(1,'facilitator','m001_journal_and_minutes','2026-11-27 22:14:46.797437+00:00');
INSERT INTO _sqlite_migrations VALUES(2,'facilitator','m002_task_updates','2026-11-27 22:14:46.797737+00:00');
INSERT INTO _sqlite_migrations VALUES(3,'facilitator','m003_exports','2026-11-27 22:14:46.798002+00:00');
INSERT INTO _sqlite_migrations VALUES(4,'facilitator','m004_retrospectives','2026-11-27 22:14:46.798224+00:00');
INSERT INTO _sqlite_migrations VALUES(5,'facilitator','m010_open_tasks_index','2026-11-27 22:14:46.798315+00:00');
INSERT INTO _sqlite_migrations VALUES(6,'facilitator','m020_topic_reports','2026-11-27 22:14:46.798697+00:00');
INSERT INTO _sqlite_migrations VALUES(7,'facilitator','m021_open_item_followup','2026-11-27 22:14:46.799536+00:00');
INSERT INTO _sqlite_migrations VALUES(8,'facilitator','m022_task_reschedules','2026-11-27 22:14:46.800086+00:00');
INSERT INTO _sqlite_migrations VALUES(9,'facilitator','m023_meeting_series','2026-11-27 22:14:46.800325+00:00');
INSERT INTO _sqlite_migrations VALUES(10,'facilitator','m024_confirmations','2026-11-27 22:14:46.800607+00:00');
INSERT INTO _sqlite_migrations VALUES(11,'facilitator','m030_instants_in_utc','2026-11-27 22:14:46.800758+00:00');
INSERT INTO _sqlite_migrations VALUES(12,'facilitator','m031_task_status_view','2026-11-27 22:14:46.801000+00:00');
INSERT INTO _sqlite_migrations VALUES(13,'facilitator','m032_open_tasks_listed_from_the_index','2026-11-27 22:14:46.801124+00:00');
INSERT INTO _sqlite_migrations VALUES(14,'facilitator','m033_search_index','2026-11-27 22:14:46.802110+00:00');
INSERT INTO _sqlite_migrations VALUES(15,'facilitator','m034_search_topic_reports','2026-11-27 22:14:46.802307+00:00');
CREATE TABLE IF NOT EXISTS "meetings" (
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
, "series" TEXT);
INSERT INTO meetings VALUES(1,'20260302T0900Z-q3-launch-coordination','Q3 launch coordination','Agree the Q3 launch timetable','kickoff','2026-03-02T09:00:00+00:00','2026-03-02T10:00:00+00:00','Europe/Berlin','Room 3A','https://meet.example.com/q3','2026-02-26T16:00:00+00:00','en','closed','2026-03-02T09:00:00+00:00','2026-03-02T09:02:00+00:00','2026-03-02T09:18:00+00:00','Ana','Zhao','{"title": "Q3 launch coordination", "goal": "Agree the Q3 launch timetable", "kind": "kickoff", "start": "2026-03-02T10:00:00+01:00", "end": "2026-03-02T11:00:00+01:00", "timezone": "Europe/Berlin", "place": "Room 3A", "online": "https://meet.example.com/q3", "rsvp_by": "2026-02-26T17:00:00+01:00", "materials": ["Development plan", "Campaign draft"], "language": "en", "holidays": null, "balance_threshold": 0.5, "rules": [], "uid": "", "speaker_minutes": 0.0, "warn_minutes": 2.0, "warn_share": 0.0, "alerts": "bell", "series": "", "people": [{"name": "Ana", "department": "Project office", "role": "host", "email": "ana@example.com", "title": ""}, {"name": "Zhao", "department": "Project office", "role": "recorder", "email": "zhao@example.com", "title": ""}, {"name": "Li", "department": "R&D", "role": "attendee", "email": "li@example.com", "title": ""}, {"name": "Marta", "department": "Marketing", "role": "attendee", "email": "", "title": ""}, {"name": "Wang", "department": "Sales", "role": "attendee", "email": "wang@example.com", "title": ""}], "topics": [{"id": "t1", "title": "R&D progress and risks", "owner": "Li", "minutes": 15, "carries": ""}, {"id": "t2", "title": "Launch campaign", "owner": "Marta", "minutes": 15, "carries": ""}, {"id": "t3", "title": "Sales training", "owner": "Wang", "minutes": 10, "carries": ""}]}','Q3 launch coordination');
INSERT INTO meetings VALUES(2,'20260302T0600Z-q3新产品上线协调会','Q3新产品上线协调会','确定Q3产品上线时间表','kickoff','2026-03-02T06:00:00+00:00','2026-03-02T08:00:00+00:00','Asia/Shanghai','公司3楼会议室A','','2026-02-26T09:00:00+00:00','zh','closed','2026-03-02T06:00:00+00:00','2026-03-02T06:00:00+00:00','2026-03-02T06:14:00+00:00','周敏','赵芳','{"title": "Q3新产品上线协调会", "goal": "确定Q3产品上线时间表", "kind": "kickoff", "start": "2026-03-02T14:00:00+08:00", "end": "2026-03-02T16:00:00+08:00", "timezone": "Asia/Shanghai", "place": "公司3楼会议室A", "online": "", "rsvp_by": "2026-02-26T17:00:00+08:00", "materials": ["产品开发计划表", "市场推广初稿"], "language": "zh", "holidays": null, "balance_threshold": 0.5, "rules": [], "uid": "", "speaker_minutes": 0.0, "warn_minutes": 2.0, "warn_share": 0.0, "alerts": "bell", "series": "", "people": [{"name": "周敏", "department": "项目部", "role": "host", "email": "zhoumin@example.com", "title": ""}, {"name": "赵芳", "department": "项目部", "role": "recorder", "email": "", "title": ""}, {"name": "李雷", "department": "研发部", "role": "attendee", "email": "", "title": ""}, {"name": "韩梅梅", "department": "市场部", "role": "attendee", "email": "", "title": ""}], "topics": [{"id": "t1", "title": "研发进度汇报", "owner": "李雷", "minutes": 20, "carries": ""}, {"id": "t2", "title": "推广方案确认", "owner": "韩梅梅", "minutes": 20, "carries": ""}]}','Q3新产品上线协调会');
CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            grp INTEGER
        );
INSERT INTO journal VALUES(1,1,'2026-03-02T09:00:00+00:00','meeting_created','{"agenda":{"title":"Q3 launch coordination","goal":"Agree the Q3 launch timetable","kind":"kickoff","start":"2026-03-02T10:00:00+01:00","end":"2026-03-02T11:00:00+01:00","timezone":"Europe/Berlin","place":"Room 3A","online":"https://meet.example.com/q3","rsvp_by":"2026-02-26T17:00:00+01:00","materials":["Development plan","Campaign draft"],"language":"en","holidays":null,"balance_threshold":0.5,"rules":[],"uid":"","speaker_minutes":0.0,"warn_minutes":2.0,"warn_share":0.0,"alerts":"bell","series":"","people":[{"name":"Ana","department":"Project office","role":"host","email":"ana@example.com","title":""},{"name":"Zhao","department":"Project office","role":"recorder","email":"zhao@example.com","title":""},{"name":"Li","department":"R&D","role":"attendee","email":"li@example.com","title":""},{"name":"Marta","department":"Marketing","role":"attendee","email":"","title":""},{"name":"Wang","department":"Sales","role":"attendee","email":"wang@example.com","title":""}],"topics":[{"id":"t1","title":"R&D progress and risks","owner":"Li","minutes":15,"carries":""},{"id":"t2","title":"Launch campaign","owner":"Marta","minutes":15,"carries":""},{"id":"t3","title":"Sales training","owner":"Wang","minutes":10,"carries":""}]}}',NULL);
INSERT INTO journal VALUES(2,1,'2026-03-02T09:00:00+00:00','attendance_marked','{"person":"Marta","status":"present","briefer":""}',NULL);
INSERT INTO journal VALUES(3,1,'2026-03-02T09:00:00+00:00','attendance_marked','{"person":"Wang","status":"absent","briefer":"Marta"}',2);
INSERT INTO journal VALUES(4,1,'2026-03-02T09:02:00+00:00','attendance_marked','{"person":"Ana","status":"present","briefer":""}',NULL);
INSERT INTO journal VALUES(5,1,'2026-03-02T09:02:00+00:00','attendance_marked','{"person":"Zhao","status":"present","briefer":""}',4);
INSERT INTO journal VALUES(6,1,'2026-03-02T09:02:00+00:00','attendance_marked','{"person":"Li","status":"present","briefer":""}',4);
INSERT INTO journal VALUES(7,1,'2026-03-02T09:02:00+00:00','topic_started','{"topic":"t1"}',4);
INSERT INTO journal VALUES(8,1,'2026-03-02T09:02:00+00:00','speaker_called','{"person":"Li","request":"","reason":""}',4);
INSERT INTO journal VALUES(9,1,'2026-03-02T09:04:00+00:00','entry_captured','{"entry":{"kind":"point","text":"Front end 80% done, back end in integration","topic":"t1","owner":"","due":null,"sides":[],"raw":"Front end 80% done, back end in integration","speaker":"Li"}}',NULL);
INSERT INTO journal VALUES(10,1,'2026-03-02T09:06:00+00:00','entry_captured','{"entry":{"kind":"dispute","text":"R&D: longer tests | Marketing: keep the date","topic":"t1","owner":"","due":null,"sides":[{"party":"R&D","position":"longer tests"},{"party":"Marketing","position":"keep the date"}],"raw":"x: R&D: longer tests | Marketing: keep the date","speaker":""}}',NULL);
INSERT INTO journal VALUES(11,1,'2026-03-02T09:08:00+00:00','entry_captured','{"entry":{"kind":"decision","text":"ship on 20 Sept","topic":"t1","owner":"","due":null,"sides":[],"raw":"d: ship on 20 Sept","speaker":""}}',NULL);
INSERT INTO journal VALUES(12,1,'2026-03-02T09:10:00+00:00','entry_captured','{"entry":{"kind":"action","text":"submit the test resource form","topic":"t1","owner":"Li","due":"2026-03-10","sides":[],"raw":"a: @Li submit the test resource form by 3/10","speaker":""}}',NULL);
INSERT INTO journal VALUES(13,1,'2026-03-02T09:12:00+00:00','topic_started','{"topic":"t2"}',NULL);
INSERT INTO journal VALUES(14,1,'2026-03-02T09:12:00+00:00','speaker_called','{"person":"Marta","request":"","reason":""}',13);
INSERT INTO journal VALUES(15,1,'2026-03-02T09:14:00+00:00','entry_captured','{"entry":{"kind":"unresolved","text":"budget approval","topic":"t2","owner":"Marta","due":"2026-03-05","sides":[],"raw":"u: @Marta budget approval in 3 workdays","speaker":""}}',NULL);
INSERT INTO journal VALUES(16,1,'2026-03-02T09:16:00+00:00','entry_captured','{"entry":{"kind":"action","text":"campaign draft","topic":"t2","owner":"Marta","due":"2026-03-20","sides":[],"raw":"a: @Marta campaign draft by 3/20","speaker":""}}',NULL);
INSERT INTO journal VALUES(17,1,'2026-03-02T09:18:00+00:00','meeting_closed','{}',NULL);
INSERT INTO journal VALUES(18,2,'2026-03-02T06:00:00+00:00','meeting_created','{"agenda":{"title":"Q3新产品上线协调会","goal":"确定Q3产品上线时间表","kind":"kickoff","start":"2026-03-02T14:00:00+08:00","end":"2026-03-02T16:00:00+08:00","timezone":"Asia/Shanghai","place":"公司3楼会议室A","online":"","rsvp_by":"2026-02-26T17:00:00+08:00","materials":["产品开发计划表","市场推广初稿"],"language":"zh","holidays":null,"balance_threshold":0.5,"rules":[],"uid":"","speaker_minutes":0.0,"warn_minutes":2.0,"warn_share":0.0,"alerts":"bell","series":"","people":[{"name":"周敏","department":"项目部","role":"host","email":"zhoumin@example.com","title":""},{"name":"赵芳","department":"项目部","role":"recorder","email":"","title":""},{"name":"李雷","department":"研发部","role":"attendee","email":"","title":""},{"name":"韩梅梅","department":"市场部","role":"attendee","email":"","title":""}],"topics":[{"id":"t1","title":"研发进度汇报","owner":"李雷","minutes":20,"carries":""},{"id":"t2","title":"推广方案确认","owner":"韩梅梅","minutes":20,"carries":""}]}}',NULL);
INSERT INTO journal VALUES(19,2,'2026-03-02T06:00:00+00:00','attendance_marked','{"person":"周敏","status":"present","briefer":""}',NULL);
INSERT INTO journal VALUES(20,2,'2026-03-02T06:00:00+00:00','attendance_marked','{"person":"赵芳","status":"present","briefer":""}',19);
INSERT INTO journal VALUES(21,2,'2026-03-02T06:00:00+00:00','attendance_marked','{"person":"李雷","status":"present","briefer":""}',19);
INSERT INTO journal VALUES(22,2,'2026-03-02T06:00:00+00:00','attendance_marked','{"person":"韩梅梅","status":"present","briefer":""}',19);
INSERT INTO journal VALUES(23,2,'2026-03-02T06:00:00+00:00','topic_started','{"topic":"t1"}',19);
INSERT INTO journal VALUES(24,2,'2026-03-02T06:00:00+00:00','speaker_called','{"person":"李雷","request":"","reason":""}',19);
INSERT INTO journal VALUES(25,2,'2026-03-02T06:02:00+00:00','entry_captured','{"entry":{"kind":"point","text":"前端开发完成80%，后端接口联调中","topic":"t1","owner":"","due":null,"sides":[],"raw":"前端开发完成80%，后端接口联调中","speaker":"李雷"}}',NULL);
INSERT INTO journal VALUES(26,2,'2026-03-02T06:04:00+00:00','entry_captured','{"entry":{"kind":"dispute","text":"研发部: 需延长测试周期 | 市场部: 担心影响推广节奏","topic":"t1","owner":"","due":null,"sides":[{"party":"研发部","position":"需延长测试周期"},{"party":"市场部","position":"担心影响推广节奏"}],"raw":"争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏","speaker":""}}',NULL);
INSERT INTO journal VALUES(27,2,'2026-03-02T06:06:00+00:00','entry_captured','{"entry":{"kind":"decision","text":"推广时间调整为9月20日","topic":"t1","owner":"","due":null,"sides":[],"raw":"决定: 推广时间调整为9月20日","speaker":""}}',NULL);
INSERT INTO journal VALUES(28,2,'2026-03-02T06:08:00+00:00','entry_captured','{"entry":{"kind":"action","text":"提交测试资源申请表","topic":"t1","owner":"李雷","due":"2026-03-10","sides":[],"raw":"任务: @李雷 提交测试资源申请表 3月10日","speaker":""}}',NULL);
INSERT INTO journal VALUES(29,2,'2026-03-02T06:10:00+00:00','topic_started','{"topic":"t2"}',NULL);
INSERT INTO journal VALUES(30,2,'2026-03-02T06:10:00+00:00','speaker_called','{"person":"韩梅梅","request":"","reason":""}',29);
INSERT INTO journal VALUES(31,2,'2026-03-02T06:12:00+00:00','entry_captured','{"entry":{"kind":"unresolved","text":"预算审批","topic":"t2","owner":"韩梅梅","due":"2026-03-05","sides":[],"raw":"待定: @韩梅梅 预算审批 3个工作日内","speaker":""}}',NULL);
INSERT INTO journal VALUES(32,2,'2026-03-02T06:14:00+00:00','meeting_closed','{}',NULL);
CREATE TABLE IF NOT EXISTS "topics" (
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
INSERT INTO topics VALUES(1,1,1,'t1','R&D progress and risks','Li',15,0,600.0,'done','2026-03-02T09:02:00+00:00','2026-03-02T09:12:00+00:00');
INSERT INTO topics VALUES(2,1,2,'t2','Launch campaign','Marta',15,0,360.0,'done','2026-03-02T09:12:00+00:00','2026-03-02T09:18:00+00:00');
INSERT INTO topics VALUES(3,1,3,'t3','Sales training','Wang',10,0,0.0,'pending',NULL,NULL);
INSERT INTO topics VALUES(4,2,1,'t1','研发进度汇报','李雷',20,0,600.0,'done','2026-03-02T06:00:00+00:00','2026-03-02T06:10:00+00:00');
INSERT INTO topics VALUES(5,2,2,'t2','推广方案确认','韩梅梅',20,0,240.0,'done','2026-03-02T06:10:00+00:00','2026-03-02T06:14:00+00:00');
CREATE TABLE IF NOT EXISTS "people" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "name" TEXT,
   "department" TEXT,
   "role" TEXT,
   "email" TEXT
);
INSERT INTO people VALUES(1,1,'Ana','Project office','host','ana@example.com');
INSERT INTO people VALUES(2,1,'Zhao','Project office','recorder','zhao@example.com');
INSERT INTO people VALUES(3,1,'Li','R&D','attendee','li@example.com');
INSERT INTO people VALUES(4,1,'Marta','Marketing','attendee','');
INSERT INTO people VALUES(5,1,'Wang','Sales','attendee','wang@example.com');
INSERT INTO people VALUES(6,2,'周敏','项目部','host','zhoumin@example.com');
INSERT INTO people VALUES(7,2,'赵芳','项目部','recorder','');
INSERT INTO people VALUES(8,2,'李雷','研发部','attendee','');
INSERT INTO people VALUES(9,2,'韩梅梅','市场部','attendee','');
CREATE TABLE IF NOT EXISTS "attendance" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "name" TEXT,
   "department" TEXT,
   "status" TEXT,
   "briefer" TEXT
);
INSERT INTO attendance VALUES(1,1,'Marta','Marketing','present','');
INSERT INTO attendance VALUES(2,1,'Ana','Project office','present','');
INSERT INTO attendance VALUES(3,1,'Zhao','Project office','present','');
INSERT INTO attendance VALUES(4,1,'Li','R&D','present','');
INSERT INTO attendance VALUES(5,1,'Wang','Sales','absent','Marta');
INSERT INTO attendance VALUES(6,2,'韩梅梅','市场部','present','');
INSERT INTO attendance VALUES(7,2,'李雷','研发部','present','');
INSERT INTO attendance VALUES(8,2,'赵芳','项目部','present','');
INSERT INTO attendance VALUES(9,2,'周敏','项目部','present','');
CREATE TABLE IF NOT EXISTS "points" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT
);
INSERT INTO points VALUES(1,1,1,1,'Front end 80% done, back end in integration');
INSERT INTO points VALUES(2,2,4,1,'前端开发完成80%，后端接口联调中');
CREATE TABLE IF NOT EXISTS "decisions" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT
);
INSERT INTO decisions VALUES(1,1,1,1,'ship on 20 Sept');
INSERT INTO decisions VALUES(2,2,4,1,'推广时间调整为9月20日');
CREATE TABLE IF NOT EXISTS "disputes" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "text" TEXT,
   "sides" TEXT
);
INSERT INTO disputes VALUES(1,1,1,1,'R&D: longer tests | Marketing: keep the date','[{"party": "R&D", "position": "longer tests"}, {"party": "Marketing", "position": "keep the date"}]');
INSERT INTO disputes VALUES(2,2,4,1,'研发部: 需延长测试周期 | 市场部: 担心影响推广节奏','[{"party": "研发部", "position": "需延长测试周期"}, {"party": "市场部", "position": "担心影响推广节奏"}]');
CREATE TABLE IF NOT EXISTS "open_items" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "text" TEXT,
   "owner" TEXT,
   "deadline" TEXT
, "department" TEXT, "status" TEXT NOT NULL DEFAULT 'open', "created_at" TEXT, "updated_at" TEXT);
INSERT INTO open_items VALUES(1,1,2,'budget approval','Marta','2026-03-05','Marketing','resolved','2026-03-02T09:18:00+00:00','2026-03-02T06:14:00+00:00');
INSERT INTO open_items VALUES(2,2,5,'预算审批','韩梅梅','2026-03-05','市场部','open','2026-03-02T06:14:00+00:00','2026-03-02T06:14:00+00:00');
CREATE TABLE IF NOT EXISTS "tasks" (
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
INSERT INTO tasks VALUES(1,1,1,'submit the test resource form','Li','R&D','2026-03-20','doing','2026-03-02T09:18:00+00:00','2026-03-02T06:14:00+00:00');
INSERT INTO tasks VALUES(2,1,2,'campaign draft','Marta','Marketing','2026-03-20','open','2026-03-02T09:18:00+00:00','2026-03-02T09:18:00+00:00');
INSERT INTO tasks VALUES(3,2,4,'提交测试资源申请表','李雷','研发部','2026-03-10','open','2026-03-02T06:14:00+00:00','2026-03-02T06:14:00+00:00');
CREATE TABLE IF NOT EXISTS "speaking" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "person" TEXT,
   "department" TEXT,
   "seconds" REAL
);
INSERT INTO speaking VALUES(1,1,1,'Li','R&D',600.0);
INSERT INTO speaking VALUES(2,1,2,'Marta','Marketing',360.0);
INSERT INTO speaking VALUES(3,2,4,'李雷','研发部',600.0);
INSERT INTO speaking VALUES(4,2,5,'韩梅梅','市场部',240.0);
CREATE TABLE IF NOT EXISTS "task_updates" (
   "id" INTEGER PRIMARY KEY,
   "task_id" INTEGER NOT NULL REFERENCES "tasks"("id"),
   "at" TEXT NOT NULL,
   "previous" TEXT,
   "status" TEXT NOT NULL,
   "note" TEXT
, "previous_owner" TEXT, "owner" TEXT, "previous_due" TEXT, "due" TEXT);
INSERT INTO task_updates VALUES(1,1,'2026-03-02T06:14:00+00:00','open','doing','started',NULL,NULL,NULL,NULL);
INSERT INTO task_updates VALUES(2,1,'2026-03-02T06:14:00+00:00','doing','doing','moved',NULL,NULL,'2026-03-10','2026-03-20');
CREATE TABLE IF NOT EXISTS "exports" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER NOT NULL REFERENCES "meetings"("id"),
   "format" TEXT NOT NULL,
   "at" TEXT NOT NULL
);
INSERT INTO exports VALUES(1,1,'md','2026-03-02T06:14:00+00:00');
CREATE TABLE IF NOT EXISTS "retrospectives" (
   "meeting_id" INTEGER PRIMARY KEY REFERENCES "meetings"("id"),
   "good" TEXT,
   "improve" TEXT,
   "rating" INTEGER,
   "at" TEXT NOT NULL
);
INSERT INTO retrospectives VALUES(2,'focus','time',4,'2026-03-02T06:14:00+00:00');
CREATE TABLE IF NOT EXISTS "topic_reports" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER NOT NULL REFERENCES "meetings"("id"),
   "topic_id" INTEGER REFERENCES "topics"("id"),
   "position" INTEGER,
   "kind" TEXT NOT NULL,
   "text" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "open_item_updates" (
   "id" INTEGER PRIMARY KEY,
   "item_id" INTEGER NOT NULL REFERENCES "open_items"("id"),
   "at" TEXT NOT NULL,
   "previous" TEXT,
   "status" TEXT NOT NULL,
   "note" TEXT,
   "previous_owner" TEXT,
   "owner" TEXT,
   "previous_deadline" TEXT,
   "deadline" TEXT
);
INSERT INTO open_item_updates VALUES(1,1,'2026-03-02T06:14:00+00:00','open','resolved','settled',NULL,NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "confirmations" (
   "id" INTEGER PRIMARY KEY,
   "meeting_id" INTEGER NOT NULL REFERENCES "meetings"("id"),
   "name" TEXT NOT NULL,
   "verdict" TEXT NOT NULL,
   "note" TEXT,
   "at" TEXT NOT NULL
);
INSERT INTO confirmations VALUES(1,2,'李雷','confirmed','','2026-03-02T06:14:00+00:00');
CREATE TABLE zone_offsets (
    zone TEXT NOT NULL,
    since TEXT NOT NULL,
    offset_minutes INTEGER NOT NULL,
    PRIMARY KEY (zone, since)
) WITHOUT ROWID
;
INSERT INTO zone_offsets VALUES('Asia/Shanghai','0001-01-01T00:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1986-05-03T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1986-09-13T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1987-04-11T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1987-09-12T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1988-04-16T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1988-09-10T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1989-04-15T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1989-09-16T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1990-04-14T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1990-09-15T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1991-04-13T18:00:00+00:00',540);
INSERT INTO zone_offsets VALUES('Asia/Shanghai','1991-09-14T17:00:00+00:00',480);
INSERT INTO zone_offsets VALUES('Europe/Berlin','0001-01-01T00:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1980-04-06T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1980-09-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1981-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1981-09-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1982-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1982-09-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1983-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1983-09-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1984-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1984-09-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1985-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1985-09-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1986-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1986-09-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1987-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1987-09-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1988-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1988-09-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1989-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1989-09-24T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1990-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1990-09-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1991-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1991-09-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1992-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1992-09-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1993-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1993-09-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1994-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1994-09-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1995-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1995-09-24T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1996-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1996-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1997-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1997-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1998-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1998-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1999-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','1999-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2000-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2000-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2001-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2001-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2002-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2002-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2003-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2003-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2004-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2004-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2005-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2005-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2006-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2006-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2007-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2007-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2008-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2008-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2009-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2009-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2010-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2010-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2011-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2011-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2012-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2012-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2013-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2013-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2014-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2014-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2015-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2015-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2016-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2016-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2017-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2017-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2018-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2018-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2019-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2019-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2020-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2020-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2021-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2021-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2022-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2022-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2023-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2023-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2024-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2024-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2025-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2025-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2026-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2026-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2027-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2027-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2028-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2028-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2029-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2029-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2030-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2030-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2031-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2031-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2032-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2032-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2033-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2033-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2034-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2034-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2035-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2035-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2036-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2036-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2037-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2037-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2038-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2038-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2039-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2039-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2040-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2040-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2041-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2041-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2042-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2042-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2043-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2043-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2044-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2044-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2045-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2045-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2046-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2046-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2047-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2047-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2048-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2048-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2049-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2049-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2050-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2050-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2051-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2051-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2052-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2052-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2053-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2053-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2054-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2054-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2055-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2055-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2056-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2056-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2057-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2057-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2058-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2058-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2059-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2059-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2060-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2060-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2061-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2061-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2062-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2062-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2063-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2063-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2064-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2064-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2065-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2065-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2066-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2066-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2067-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2067-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2068-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2068-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2069-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2069-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2070-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2070-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2071-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2071-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2072-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2072-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2073-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2073-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2074-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2074-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2075-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2075-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2076-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2076-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2077-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2077-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2078-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2078-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2079-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2079-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2080-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2080-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2081-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2081-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2082-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2082-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2083-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2083-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2084-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2084-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2085-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2085-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2086-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2086-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2087-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2087-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2088-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2088-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2089-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2089-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2090-03-26T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2090-10-29T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2091-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2091-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2092-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2092-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2093-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2093-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2094-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2094-10-31T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2095-03-27T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2095-10-30T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2096-03-25T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2096-10-28T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2097-03-31T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2097-10-27T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2098-03-30T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2098-10-26T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2099-03-29T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2099-10-25T01:00:00+00:00',60);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2100-03-28T01:00:00+00:00',120);
INSERT INTO zone_offsets VALUES('Europe/Berlin','2100-10-31T01:00:00+00:00',60);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','search_index','search_index',0,'CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    people,
    kind UNINDEXED,
    meeting_id UNINDEXED,
    topic_id UNINDEXED,
    source_id UNINDEXED,
    tokenize = ''trigram''
)');
CREATE TABLE IF NOT EXISTS 'search_index_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO search_index_data VALUES(1,X'0b81502e00000000');
INSERT INTO search_index_data VALUES(10,X'00000000010f0f000f0101010201010301010401010501010601010701010801010901010a01010b01010c01010d01010e01010f0101');
INSERT INTO search_index_data VALUES(137438953473,X'00000119043020383009020b020262610902150202646f09020f0202656e090407150202696e09041e05010325206409020e01032c2062090214010330252009020d010338302509020c010361636b0902170202746909022801036261630902160103636b20090218010364203809020a03016909021d02026f6e0902100103652c200902130202677209022502026e6409040815010366726f09020201036772610902260103696e2009021f03017409022202026f6e09022a01036b206509021901036e206909022002026420090409150202652c0902120202742009020503016509022301036f6e65090211030174090204010372617409022702026f6e0902030103742065090206020265670902240202696f09022904080707080808080808080708080806070807080808080607080808070706080608070807');
INSERT INTO search_index_data VALUES(274877906945,X'0000006904302032300a020902026f6e0a0206020273650a020c01033020730a020b01033230200a020a01036570740a020e01036869700a020301036970200a020401036e20320a020801036f6e200a0207010370206f0a020501037365700a020d020268690a020204080707080808080808080808');
INSERT INTO search_index_data VALUES(412316860417,X'0000016f04302064610b022902026b650b022002026c6f0b020602026d610b0815010106020274650b020d0301680b022502027c200b0213010326642c0b0601010303013a0b020301032c206d0b0601010501033a206b0b021f03016c0b0205010361726b0b0817010108020274650b022b0103642c200b0601010402023a200b0204020261740b022a01036520640b0228020265700b0222020270200b0223020272200b020b020273740b020f020274690b081a01010b0103673a200b021e020265720b020a01036865200b02270103696e670b081c01010d01036b65650b02210301740b081901010a01036c6f6e0b020701036d61720b081601010701036e673a0b021d0301650b020901036f6e670b020801037020740b022401037220740b020c020226640b080201010202026b650b0818010109010373207c0b0212020274730b021001037465730b020e020268650b02260202696e0b081b01010c020273200b021101037c206d0b0214040807070a0706070a060a08060b070a070708070707070a0807080b0809080b08060808080a0a080708070a07');
INSERT INTO search_index_data VALUES(549755813889,X'0000008704302061700c020801036170700c0209020272740c0601010301036275640c020201036467650c020401036574200c020601036765740c020501036d61720c0601010201036f76610c020d01037070720c020a0202726f0c020b0103726f760c020c020274610c0601010401037420610c020701037564670c0203010376616c0c020e04080809080808080a08080708090808');
INSERT INTO search_index_data VALUES(687194767361,X'000000f8043020666f0d021a020272260d060101050301650d0211020274650d020c0301680d020801032c20720d060101040103626d690d020401036365200d021801036520660d02190301740d020b0202736f0d02130301740d020e0103666f720d021b01036865200d020a0103692c200d06010103020274200d020601036c692c0d0601010201036d69740d020501036f726d0d021c020275720d021501037226640d06010106020263650d0217020265730d02120103736f750d0214020274200d020f020275620d020201037420720d02100301740d0207020265730d020d020268650d0209010375626d0d0203020272630d02160408090607060a08080806070608080a070a0808070a07070807070806070708');
INSERT INTO search_index_data VALUES(824633720833,X'000000db043020647215020a02026d61150601010801032c206d15060101070103612c2015060101060202667415020d0202696715020602026d701502030202726b150601010a0301741506010103010363616d150202010364726115020b0103657469150601010d0103676e20150208010369676e15020702026e67150601010f01036b6574150601010c01036d61721508010102090202706115020401036e20641502090103706169150205010372616615020c02026b65150601010b020274611506010104010374612c15060101050202696e150601010e0408090a0a070707090808080a0808090a0b0708080809090a');
INSERT INTO search_index_data VALUES(962072674305,X'000000ba083025efbc8ce5908e11020a01053025efbc8c11020901033830251102080109e5898de7abafe5bc8011020202088f91e5ae8ce688901102050307a3e88194e8b08311020f0208908ee7abafe68ea511020c0206ae8ce68890381102060208bc80e58f91e5ae8c1102040105e68890383011020702088ea5e58fa3e8819411020e0109e7abafe5bc80e58f911102030406e68ea5e58fa311020d0109e88194e8b083e4b8ad1102100109efbc8ce5908ee7abaf11020b040c0a080e0d0c0d0b0d0a0d0e0b0e');
INSERT INTO search_index_data VALUES(1099511627777,X'0000007d06303230e697a512020b010539e69c88321202090107e4b8ba39e69c881202080109e5b9bfe697b6e997b41202030109e68ea8e5b9bfe697b6120202020695b4e4b8ba39120207020897b6e997b4e8b08312020402049c88323012020a0109e8b083e695b4e4b8ba1202060109e997b4e8b083e695b4120205040a0a0c0e0e0b0d090e');
INSERT INTO search_index_data VALUES(1236950581249,X'000001510430207c2013020e0206e5b882e59cba1308100101060206e68b85e5bf831302150206e99c80e5bbb613020601052c20e5b882130601010501053a20e68b851302140303e99c8013020501057c20e5b88213020f0107e58f91e983a82c130601010307013a130203020691a8e69c9f2013020c0208938de68ea8e5b9bf13021902069cbae983a83a1302120208b882e59cbae983a81308110101070208b9bfe88a82e5a58f13021b0208bbb6e995bfe6b58b1302080208bdb1e5938de68ea81302180208bf83e5bdb1e5938d1302170109e68b85e5bf83e5bdb113021602088ea8e5b9bfe88a8213021a02049c9f207c13020d0208b58be8af95e591a813020a0109e7a094e58f91e983a81308020101020109e8af95e591a8e69c9f13020b0105e983a82c20130601010404023a2013040411020895bfe6b58be8af9513020902089c80e5bbb6e995bf13020704080e0b0b0c0a080a0e060b0d0b100d0d0d0d0e0d090d110e0c080d');
INSERT INTO search_index_data VALUES(1374389534721,X'0000002f0a30e7ae97e5aea1e689b91402030109e99fa9e6a285e6a28514060101020208a284e7ae97e5aea1140202040e10');
INSERT INTO search_index_data VALUES(1511828488193,X'000000a5083020e7a094e58f911d0601010501052c20e7a0941d060101040109e4baa4e6b58be8af951d02030109e68f90e4baa4e6b58b1d020202069d8ee99bb72c1d060101020208b58be8af95e8b5841d02040208ba90e794b3e8afb71d02070109e794b3e8afb7e8a1a81d02080208a094e58f91e983a81d060101060109e8af95e8b584e6ba901d02050208b584e6ba90e794b31d02060105e99bb72c201d06010103040e0c0e0e0d0d0d0e0f0e0d');
INSERT INTO search_index_data VALUES(1649267441665,X'000000f8043020666f0d031a020272260d070101050301650d0311020274650d030c0301680d030801032c20720d070101040103626d690d030401036365200d031801036520660d03190301740d030b0202736f0d03130301740d030e0103666f720d031b01036865200d030a0103692c200d07010103020274200d030601036c692c0d0701010201036d69740d030501036f726d0d031c020275720d031501037226640d07010106020263650d0317020265730d03120103736f750d0314020274200d030f020275620d030201037420720d03100301740d0307020265730d030d020268650d0309010375626d0d0303020272630d03160408090607060a08080806070608080a070a0808070a07070807070806070708');
INSERT INTO search_index_data VALUES(1786706395137,X'000000f8043020666f0d031a020272260d070101050301650d0311020274650d030c0301680d030801032c20720d070101040103626d690d030401036365200d031801036520660d03190301740d030b0202736f0d03130301740d030e0103666f720d031b01036865200d030a0103692c200d07010103020274200d030601036c692c0d0701010201036d69740d030501036f726d0d031c020275720d031501037226640d07010106020263650d0317020265730d03120103736f750d0314020274200d030f020275620d030201037420720d03100301740d0307020265730d030d020268650d0309010375626d0d0303020272630d03160408090607060a08080806070608080a070a0808070a07070807070806070708');
INSERT INTO search_index_data VALUES(1924145348609,X'000000f8043020666f0d031a020272260d070101050301650d0311020274650d030c0301680d030801032c20720d070101040103626d690d030401036365200d031801036520660d03190301740d030b0202736f0d03130301740d030e0103666f720d031b01036865200d030a0103692c200d07010103020274200d030601036c692c0d0701010201036d69740d030501036f726d0d031c020275720d031501037226640d07010106020263650d0317020265730d03120103736f750d0314020274200d030f020275620d030201037420720d03100301740d0307020265730d030d020268650d0309010375626d0d0303020272630d03160408090607060a08080806070608080a070a0808070a07070807070806070708');
INSERT INTO search_index_data VALUES(2061584302081,X'0000008704302061700c030801036170700c0309020272740c0701010301036275640c030201036467650c030401036574200c030601036765740c030501036d61720c0701010201036f76610c030d01037070720c030a0202726f0c030b0103726f760c030c020274610c0701010401037420610c030701037564670c0303010376616c0c030e04080809080808080a08080708090808');
CREATE TABLE IF NOT EXISTS 'search_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO search_index_idx VALUES(1,X'',2);
INSERT INTO search_index_idx VALUES(2,X'',2);
INSERT INTO search_index_idx VALUES(3,X'',2);
INSERT INTO search_index_idx VALUES(4,X'',2);
INSERT INTO search_index_idx VALUES(5,X'',2);
INSERT INTO search_index_idx VALUES(6,X'',2);
INSERT INTO search_index_idx VALUES(7,X'',2);
INSERT INTO search_index_idx VALUES(8,X'',2);
INSERT INTO search_index_idx VALUES(9,X'',2);
INSERT INTO search_index_idx VALUES(10,X'',2);
INSERT INTO search_index_idx VALUES(11,X'',2);
INSERT INTO search_index_idx VALUES(12,X'',2);
INSERT INTO search_index_idx VALUES(13,X'',2);
INSERT INTO search_index_idx VALUES(14,X'',2);
INSERT INTO search_index_idx VALUES(15,X'',2);
CREATE TABLE IF NOT EXISTS 'search_index_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5);
INSERT INTO search_index_content VALUES(9,'Front end 80% done, back end in integration','','point',1,1,1);
INSERT INTO search_index_content VALUES(10,'ship on 20 Sept','','decision',1,1,1);
INSERT INTO search_index_content VALUES(11,'R&D: longer tests | Marketing: keep the date','R&D, Marketing','dispute',1,1,1);
INSERT INTO search_index_content VALUES(12,'budget approval','Marta','open_item',1,2,1);
INSERT INTO search_index_content VALUES(13,'submit the test resource form','Li, R&D','task',1,1,1);
INSERT INTO search_index_content VALUES(17,'前端开发完成80%，后端接口联调中','','point',2,4,2);
INSERT INTO search_index_content VALUES(18,'推广时间调整为9月20日','','decision',2,4,2);
INSERT INTO search_index_content VALUES(19,'研发部: 需延长测试周期 | 市场部: 担心影响推广节奏','研发部, 市场部','dispute',2,4,2);
INSERT INTO search_index_content VALUES(20,'预算审批','韩梅梅','open_item',2,5,2);
INSERT INTO search_index_content VALUES(21,'campaign draft','Marta, Marketing','task',1,2,2);
INSERT INTO search_index_content VALUES(29,'提交测试资源申请表','李雷, 研发部','task',2,4,3);
CREATE TABLE IF NOT EXISTS 'search_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO search_index_docsize VALUES(9,X'290000000000');
INSERT INTO search_index_docsize VALUES(10,X'0d0000000000');
INSERT INTO search_index_docsize VALUES(11,X'2a0c00000000');
INSERT INTO search_index_docsize VALUES(12,X'0d0300000000');
INSERT INTO search_index_docsize VALUES(13,X'1b0500000000');
INSERT INTO search_index_docsize VALUES(17,X'0f0000000000');
INSERT INTO search_index_docsize VALUES(18,X'0a0000000000');
INSERT INTO search_index_docsize VALUES(19,X'1a0600000000');
INSERT INTO search_index_docsize VALUES(20,X'020100000000');
INSERT INTO search_index_docsize VALUES(21,X'0c0e00000000');
INSERT INTO search_index_docsize VALUES(29,X'070500000000');
CREATE TABLE IF NOT EXISTS 'search_index_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO search_index_config VALUES('version',4);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('journal',32);
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
CREATE INDEX "idx_topic_reports_meeting_id"
    ON "topic_reports" ("meeting_id");
CREATE INDEX idx_open_items_open ON open_items(deadline, id) WHERE status = 'open';
CREATE INDEX "idx_open_item_updates_item_id_at"
    ON "open_item_updates" ("item_id", "at");
CREATE INDEX "idx_meetings_series"
    ON "meetings" ("series");
CREATE INDEX "idx_confirmations_meeting_id_at"
    ON "confirmations" ("meeting_id", "at");
CREATE VIEW task_status AS
WITH local_today(zone, today) AS MATERIALIZED (
    SELECT z.zone, date('now', printf('%+d minutes', z.offset_minutes))
    FROM zone_offsets AS z
    WHERE z.since = (
        SELECT max(w.since) FROM zone_offsets AS w
        WHERE w.zone = z.zone AND w.since <= strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
    )
)
SELECT t.id AS task_id, t.meeting_id, m.title AS meeting, t.topic_id,
    COALESCE(tp.title, '') AS topic, t.title, t.owner, t.department, t.due,
    CASE WHEN t.status != 'done' AND t.due < COALESCE(lt.today, date('now')) THEN 'delayed' ELSE COALESCE(t.status, 'open') END AS status,
    COALESCE(t.status, 'open') AS stored_status,
    COALESCE(lt.today, date('now')) AS today,
    m.timezone, t.created_at, t.updated_at
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN topics AS tp ON tp.id = t.topic_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone;
CREATE INDEX idx_tasks_open_due ON tasks(due, id, meeting_id, topic_id, status, title, owner, department, created_at, updated_at) WHERE status != 'done';
CREATE TRIGGER search_points_insert AFTER INSERT ON points BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 1, new.text, '', 'point', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_points_delete AFTER DELETE ON points BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 1; END;
CREATE TRIGGER search_points_update AFTER UPDATE ON points BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 1; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 1, new.text, '', 'point', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 2, new.text, '', 'decision', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 2; END;
CREATE TRIGGER search_decisions_update AFTER UPDATE ON decisions BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 2; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 2, new.text, '', 'decision', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_disputes_insert AFTER INSERT ON disputes BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 3, new.text, COALESCE((SELECT group_concat(json_extract(value, '$.party'), ', ') FROM json_each(new.sides) WHERE json_valid(new.sides)), ''), 'dispute', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_disputes_delete AFTER DELETE ON disputes BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 3; END;
CREATE TRIGGER search_disputes_update AFTER UPDATE ON disputes BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 3; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 3, new.text, COALESCE((SELECT group_concat(json_extract(value, '$.party'), ', ') FROM json_each(new.sides) WHERE json_valid(new.sides)), ''), 'dispute', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_open_items_insert AFTER INSERT ON open_items BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 4, new.text, COALESCE(new.owner, ''), 'open_item', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_open_items_delete AFTER DELETE ON open_items BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 4; END;
CREATE TRIGGER search_open_items_update AFTER UPDATE ON open_items BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 4; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 4, new.text, COALESCE(new.owner, ''), 'open_item', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_tasks_insert AFTER INSERT ON tasks BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 5, new.title, COALESCE(new.owner, '') || CASE WHEN COALESCE(new.department, '') NOT IN ('', COALESCE(new.owner, '')) THEN ', ' || new.department ELSE '' END, 'task', new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 5; END;
CREATE TRIGGER search_tasks_update AFTER UPDATE ON tasks BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 5; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 5, new.title, COALESCE(new.owner, '') || CASE WHEN COALESCE(new.department, '') NOT IN ('', COALESCE(new.owner, '')) THEN ', ' || new.department ELSE '' END, 'task', new.meeting_id, new.topic_id, new.id); END;
CREATE VIEW search_entries AS
SELECT s.rowid AS id, s.kind, s.source_id, s.meeting_id, m.title AS meeting,
    date(m.start, printf('%+d minutes', (
        SELECT z.offset_minutes FROM zone_offsets AS z
        WHERE z.zone = m.timezone AND z.since <= m.start ORDER BY z.since DESC LIMIT 1
    ))) AS meeting_day,
    m.start AS meeting_start, m.timezone, s.topic_id, COALESCE(tp.title, '') AS topic,
    tp.position AS topic_position, s.text, s.people
FROM search_index AS s
JOIN meetings AS m ON m.id = s.meeting_id
LEFT JOIN topics AS tp ON tp.id = s.topic_id;
CREATE TRIGGER search_topic_reports_insert AFTER INSERT ON topic_reports BEGIN INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 0, new.text, '', new.kind, new.meeting_id, new.topic_id, new.id); END;
CREATE TRIGGER search_topic_reports_delete AFTER DELETE ON topic_reports BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 0; END;
CREATE TRIGGER search_topic_reports_update AFTER UPDATE ON topic_reports BEGIN DELETE FROM search_index WHERE rowid = old.id * 8 + 0; INSERT INTO search_index (rowid, text, people, kind, meeting_id, topic_id, source_id) VALUES (new.id * 8 + 0, new.text, '', new.kind, new.meeting_id, new.topic_id, new.id); END;
PRAGMA writable_schema=OFF;
COMMIT;

// Labels in Simplified Chinese and English: the browser's language picks one (zh-* → Chinese),
// a switch changes it and is remembered. Static text carries data-i18n="key" (and
// data-i18n-placeholder / data-i18n-title); code asks t("key", {n: 3}).

export type Lang = "zh" | "en";

const DICT = {
  "app.title": ["县域关系图谱 · 调查工作台", "County graph · Investigator explorer"],
  "lang.switch": ["English", "中文"],
  "login.title": ["请输入 API 密钥", "Enter your API key"],
  "login.key": ["API 密钥", "API key"],
  "login.submit": ["登录", "Sign in"],
  "login.signedIn": ["已登录：{name}（{role}）", "Signed in: {name} ({role})"],
  "login.signOut": ["退出", "Sign out"],
  "login.expired": ["会话已结束，请重新登录", "The session ended: sign in again"],
  "search.placeholder": ["搜索姓名、编号、身份证号、电话或账号… (/)", "Search name, id, identity number, phone or account… (/)"],
  "search.none": ["无匹配", "No match"],
  "tab.leads": ["线索排名", "Leads"],
  "tab.alerts": ["预警", "Alerts"],
  "tab.networks": ["关系网络", "Networks"],
  "tab.paths": ["路径", "Paths"],
  "tab.queries": ["查询库", "Queries"],
  "tab.filters": ["筛选与样式", "Filters & style"],
  "tool.layoutStart": ["开始布局", "Start layout"],
  "tool.layoutStop": ["停止布局", "Stop layout"],
  "tool.fit": ["适应窗口", "Fit"],
  "tool.zoomIn": ["放大", "Zoom in"],
  "tool.zoomOut": ["缩小", "Zoom out"],
  "tool.export": ["导出", "Export"],
  "tool.png": ["图片 PNG", "Image (PNG)"],
  "tool.gexf": ["Gephi (GEXF)", "Gephi (GEXF)"],
  "tool.csv": ["节点与关系 CSV", "Nodes and edges (CSV)"],
  "tool.clear": ["清空画布", "Clear canvas"],
  "tool.help": ["快捷键", "Shortcuts"],
  "colour.by": ["着色", "Colour by"],
  "colour.type": ["实体类型", "Entity type"],
  "colour.community": ["关系网络", "Community"],
  "colour.risk": ["风险等级", "Risk grade"],
  "status.counts": ["{nodes} 个实体 · {edges} 条关系", "{nodes} entities · {edges} ties"],
  "status.loading": ["加载中…", "Loading…"],
  "status.expanded": ["已展开 {name}：新增 {n} 个实体", "Expanded {name}: {n} new entities"],
  "status.highlight": ["高亮：{label}（Esc 取消）", "Highlighted: {label} (Esc clears)"],
  "empty.hint": ["从上方搜索或左侧线索、预警、关系网络开始；双击节点展开其关系。", "Start from the search above or from leads, alerts or networks on the left; double-click a node to expand it."],
  "leads.type": ["类型", "Type"],
  "leads.any": ["全部", "Any"],
  "leads.region": ["地区编号", "Region id"],
  "leads.flag": ["预警规则", "Flag"],
  "leads.minScore": ["最低分", "Min score"],
  "leads.apply": ["筛选", "Apply"],
  "leads.more": ["更多", "More"],
  "alerts.status": ["状态", "Status"],
  "alerts.flag": ["规则", "Flag"],
  "networks.minScore": ["最低分", "Min score"],
  "networks.members": ["{n} 名成员", "{n} members"],
  "networks.open": ["打开网络", "Open network"],
  "paths.from": ["起点", "From"],
  "paths.to": ["终点", "To"],
  "paths.maxHops": ["最多跳数", "Max hops"],
  "paths.all": ["全部最短路径", "All shortest paths"],
  "paths.find": ["查找路径", "Find paths"],
  "paths.none": ["{hops} 跳内未找到路径", "No path within {hops} hops"],
  "paths.fromHere": ["作为起点", "Path from here"],
  "paths.toHere": ["作为终点", "Path to here"],
  "queries.pick": ["选择查询", "Pick a query"],
  "queries.run": ["运行", "Run"],
  "queries.toCanvas": ["{n} 个实体已加入画布", "{n} entities added to the canvas"],
  "queries.rows": ["{n} 行 · {ms} 毫秒", "{n} rows · {ms} ms"],
  "queries.truncated": ["结果已截断（超过行数上限）", "Truncated (more rows than the cap)"],
  "queries.editor": ["在查询页编写与管理查询 →", "Write and manage queries on the query page →"],
  "filters.types": ["实体类型", "Entity types"],
  "filters.rels": ["关系类型", "Relationship types"],
  "filters.minRisk": ["最低风险分：{n}", "Minimum risk: {n}"],
  "filters.years": ["年份：{from}–{to}", "Years: {from}–{to}"],
  "filters.reset": ["重置筛选", "Reset filters"],
  "legend.title": ["图例", "Legend"],
  "legend.parallel": ["粗线：两者之间多条关系", "Thick line: several ties between two"],
  "details.close": ["关闭", "Close"],
  "details.expand": ["展开关系", "Expand"],
  "details.more": ["再显示 {n} 个", "Show {n} more"],
  "details.all": ["显示全部 {n} 个", "Show all {n}"],
  "details.remove": ["从画布移除", "Remove from canvas"],
  "details.community": ["打开所属网络", "Open its network"],
  "details.properties": ["属性", "Properties"],
  "details.ties": ["关系数", "Ties"],
  "details.score": ["风险分", "Risk score"],
  "details.grade": ["金额等级", "Grade"],
  "details.amount": ["涉及金额（元）", "Money at stake (yuan)"],
  "details.hits": ["评分依据（{n} 条）", "Why this score ({n} hits)"],
  "details.noHits": ["无预警命中", "No hits"],
  "details.evidence": ["在图上显示证据", "Draw its evidence"],
  "details.weight": ["权重", "weight"],
  "details.confidence": ["置信度", "confidence"],
  "details.status": ["状态", "status"],
  "triage.title": ["研判", "Triage"],
  "triage.note": ["备注", "Note"],
  "triage.save": ["保存研判", "Save triage"],
  "triage.history": ["研判记录", "History"],
  "triage.none": ["尚无研判记录", "No triage yet"],
  "triage.saved": ["已保存研判：{status}", "Triage saved: {status}"],
  "status.new": ["新", "new"],
  "status.investigating": ["调查中", "investigating"],
  "status.confirmed": ["已确认", "confirmed"],
  "status.dismissed": ["已排除", "dismissed"],
  "help.title": ["快捷键与操作", "Shortcuts and gestures"],
  "help.close": ["关闭", "Close"],
  "error.prefix": ["出错：", "Error: "],
} as const satisfies Record<string, readonly [string, string]>;

export type Key = keyof typeof DICT;

/** Entity and relationship type names in Chinese (English: the API's own names). */
const TYPE_ZH: Record<string, string> = {
  person: "人员", company: "企业", region: "地区", household: "户", account: "账户", project: "项目", program: "补贴项目",
  grant: "补贴发放", asset: "资产", tip: "举报", case: "案件", phone: "电话", address: "地址", community: "关系网络",
  KIN: "亲属", ROLE_IN: "任职/持股", HAS: "拥有", APPROVED: "审批", AWARDED_TO: "中标", BID: "投标", PAID_TO: "发放给",
  PAID_INTO: "打入账户", TRANSFER: "转账", HOLDS_POST: "任职", LIVES_IN: "居住", MEMBER_OF: "户成员", HEAD_OF: "户主",
  IN: "位于", PART_OF: "隶属", UNDER: "属于项目", REGISTERED_IN: "注册于", OWNS: "拥有资产", MOVED_TO: "迁入",
  SPLIT_FROM: "分户自", CONCERNS: "涉及", INVOLVES: "涉案",
};

/**
 * Names of the fields an explanation may carry and of their enumerated values (a party's part, a
 * county discount's kind, a status), Chinese and English; a name not here shows as the API spells it.
 */
const FIELDS: Record<string, readonly [string, string]> = {
  alertId: ["预警编号", "alert"], alerts: ["预警数", "alerts"], amount: ["金额（元）", "amount (yuan)"], asParty: ["作为相关方出现", "named as a party"],
  confidence: ["置信度", "confidence"], counted: ["计入", "counted"], createdAt: ["生成时间", "created"], discount: ["县域折扣", "county discount"],
  discounts: ["县域折扣明细", "county discounts"], evidence: ["证据总量（nats）", "total evidence (nats)"], factor: ["系数", "factor"],
  figures: ["数据", "figures"], flag: ["规则", "flag"], group: ["决策模式", "decision pattern"], groups: ["评分分组", "groups behind the score"],
  kind: ["类别", "kind"], llr: ["证据（nats）", "evidence (nats)"], logOdds: ["对数几率", "log-odds"], note: ["说明", "note"],
  part: ["角色", "part"], parties: ["相关方（不计分）", "parties (not scored)"], status: ["状态", "status"], strongest: ["最强预警", "strongest"],
  summary: ["摘要", "summary"], triagedAt: ["研判时间", "triaged"], typology: ["类型", "typology"], subjects: ["当事人", "subjects"],
  share: ["承担份额（次要当事人小于 1）", "share (below 1 for a minor subject)"],
  // The figures behind a county discount (services/analytics/scores/discounts.ts).
  degree: ["共用人数", "sharing it"], reference: ["县内常见值", "county reference"], p90: ["第 90 百分位", "90th percentile"], max: ["最大值", "maximum"],
  shared: ["共用数", "shared"], holders: ["持有人数", "holders"], program: ["项目", "programme"], region: ["地区", "region"], year: ["年份", "year"],
  coverage: ["覆盖率", "coverage"], households: ["户数", "households"], cadre: ["干部", "cadre"], relatives: ["亲属数", "relatives"],
  expected: ["预期", "expected"], observed: ["实际", "observed"], countyMedian: ["县中位数", "county median"], cv: ["变异系数", "coefficient of variation"],
  township: ["乡镇", "township"], projects: ["项目数", "projects"], wins: ["中标数", "wins"], lowestWins: ["最低价中标数", "lowest-bid wins"],
  countyShare: ["县内比例", "county share"], lost: ["落标数", "lost"], independent: ["独立落标数", "independent losses"],
  declared: ["已申报", "declared"], relations: ["关系数", "relations"], threshold: ["招标限额（元）", "tender limit (yuan)"],
  direct: ["直接发包", "direct awards"], competed: ["竞争发包", "competed"], exceptions: ["例外", "exceptions"],
  // An entity's properties (docs/MODEL.md) and a community's figures.
  id: ["编号", "id"], name: ["名称", "name"], level: ["级别", "level"], gender: ["性别", "gender"], birthDate: ["出生日期", "born"],
  deathDate: ["死亡日期", "died"], idNumber: ["身份证号", "identity number"], publicEmployee: ["公职人员", "public employee"],
  employer: ["工作单位", "employer"], address: ["地址", "address"], createdDate: ["立户日期", "created"], registeredDate: ["登记日期", "registered"],
  bank: ["开户行", "bank"], openedDate: ["开立日期", "opened"], field: ["领域", "field"], budget: ["预算（元）", "budget (yuan)"],
  method: ["发包方式", "method"], announceDate: ["公告日期", "announced"], deadlineDate: ["截止日期", "deadline"], awardDate: ["中标日期", "awarded"],
  awardAmount: ["中标金额（元）", "award (yuan)"], meansTested: ["需经济状况审查", "means-tested"], approvedAmount: ["核定金额（元）", "approved (yuan)"],
  paidAmount: ["发放金额（元）", "paid (yuan)"], paidDate: ["发放日期", "paid"], value: ["价值", "value"], description: ["描述", "description"],
  receivedDate: ["收到日期", "received"], channel: ["渠道", "channel"], closedDate: ["结案日期", "closed"], outcome: ["结果", "outcome"],
  riskScore: ["风险分", "risk score"], riskGrade: ["金额等级", "grade"], riskAmount: ["涉及金额（元）", "amount at stake (yuan)"],
  persons: ["人员", "persons"], cadres: ["干部", "cadres"], companies: ["企业", "companies"], modularity: ["模块度", "modularity"], size: ["规模", "size"],
};
const TERMS_ZH: Record<string, string> = {
  dead_payee: "已故领取人", short_paid_beneficiary: "被克扣的受益人", beneficiary_paid_elsewhere: "款项被转付的受益人", competitor: "竞争投标人",
  disqualified_bidder: "被取消资格的投标人", firm_of_beneficiary: "受益人的企业", signer: "签收人",
  identifier_degree: "标识共用度", shared_preparer: "共用代办人", shared_deposit_account: "共用保证金账户", program_coverage: "项目覆盖面",
  relatives_in_region: "本地亲属数", bid_spread: "报价离散度", lowest_bid_wins: "最低价中标", independent_losses: "独立落标",
  declared_recused: "已申报回避", learned_threshold: "学习所得招标限额",
  phone: "电话", address: "地址", account: "账户", preparer: "代办人", deposit: "保证金账户",
  new: "新", investigating: "调查中", confirmed: "已确认", dismissed: "已排除",
};

/** A field's name in the current language. */
export function fieldName(key: string): string {
  const names = FIELDS[key];
  return names ? names[lang === "zh" ? 0 : 1] : key;
}

/** An enumerated value (snake_case) in the current language: Chinese when known, else words. */
export function termName(value: string): string {
  return lang === "zh" ? (TERMS_ZH[value] ?? value) : value.replace(/_/g, " ");
}

const STORE = "lang";
let lang: Lang = detect();
const listeners = new Set<(l: Lang) => void>();

function detect(): Lang {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORE) : null;
  if (saved === "zh" || saved === "en") return saved;
  const langs = typeof navigator !== "undefined" ? navigator.languages ?? [navigator.language] : [];
  return langs.some((l) => l.toLowerCase().startsWith("zh")) || langs.length === 0 ? "zh" : "en";
}

export function currentLang(): Lang {
  return lang;
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = DICT[key][lang === "zh" ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A type's name: Chinese when Chinese is on, else the API's name. */
export function typeName(type: string): string {
  return lang === "zh" ? (TYPE_ZH[type] ?? type) : type;
}

/** Fills every [data-i18n] element under `root`. */
export function applyI18n(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n as Key);
  for (const el of root.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder as Key);
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle as Key);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(STORE, next);
  applyI18n();
  for (const l of listeners) l(next);
}

export function onLangChange(listener: (l: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

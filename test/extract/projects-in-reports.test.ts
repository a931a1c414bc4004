/**
 * Projects named inside a department's report (issue 12, class 4): every project with its own figures, in the shapes
 * department self-evaluations print them — a list in one sentence, one sentence per project, numbered headings over
 * their figures — and none from lists of sources, classes, places or the report's own lines. Fixtures are written here.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { isProjectName } from "../../src/extract/vocab/project-names.js";
import { docFromLines } from "./helpers.js";

const projects = (lines: string[]) =>
  extract(docFromLines(lines)).projects.map((p) => [p.name, Object.fromEntries(p.metrics.map((m) => [m.key, m.value]))]);

describe("the grammar of project names", () => {
  it("reads a purpose and a project ending", () => {
    for (const n of ["农村公路养护项目", "教师培训经费", "国土绿化补助资金", "危桥改造工程", "中央财政衔接推进乡村振兴补助资金"]) expect(isProjectName(n)).toBe(true);
  });
  it("leaves sources, kinds of money, shares and classes", () => {
    for (const n of ["中央资金", "省级财政专项资金", "专项经费", "项目资金", "省内安排农机购置补贴资金", "工资福利支出", "甲县", "城乡环境整治"]) expect(isProjectName(n)).toBe(false);
  });
});

describe("projects listed in one sentence", () => {
  it("reads every pair of a list without an introducer when each name ends as a project's", () => {
    const r = projects([
      "某县交通局2022年度部门整体支出绩效自评报告",
      "本年项目支出共安排640万元，主要用于：乡道养护项目210.5万元、渡口改造工程150万元、客运班线运营补助经费84.5万元、治超站设备购置项目195万元。",
    ]);
    expect(r).toEqual([
      ["乡道养护项目", { "budget.initial": 2105000 }],
      ["渡口改造工程", { "budget.initial": 1500000 }],
      ["客运班线运营补助经费", { "budget.initial": 845000 }],
      ["治超站设备购置项目", { "budget.initial": 1950000 }],
    ]);
  });
  it("reads a comma-joined list after a colon, a note after an amount passed over", () => {
    const r = projects([
      "某县民政局2021年度部门整体支出绩效自评报告",
      "全年项目支出1,100万元，具体为：城乡低保资金700万元（含上年结转20万元），特困供养经费300万元，临时救助资金100万元。",
    ]);
    expect(r.map((x) => x[0])).toEqual(["城乡低保资金", "特困供养经费", "临时救助资金"]);
    expect(r[0][1]).toEqual({ "budget.initial": 7000000 });
  });
});

describe("one sentence per project", () => {
  it("gives each sentence's figures to the project that opens it", () => {
    const r = projects([
      "某市林业局2023年度部门整体支出绩效自评报告",
      "全年实施项目3个。护林防火项目年初预算60万元，实际支出57万元，执行率95%。松材线虫病防治经费年初预算30万元，实际支出30万元，执行率100%。造林补助资金年初预算200万元，实际支出180万元，执行率90%。",
    ]);
    expect(r).toEqual([
      ["护林防火项目", { "budget.initial": 600000, "budget.executed": 570000, "budget.execution_rate": 95 }],
      ["松材线虫病防治经费", { "budget.initial": 300000, "budget.executed": 300000, "budget.execution_rate": 100 }],
      ["造林补助资金", { "budget.initial": 2000000, "budget.executed": 1800000, "budget.execution_rate": 90 }],
    ]);
  });
});

describe("numbered project headings", () => {
  it("gives the figures below each heading to the project it names, whatever its ending", () => {
    const r = projects([
      "某区卫生健康局2022年度部门整体支出绩效自评报告",
      "（三）项目支出情况",
      "1.家庭医生签约服务项目：",
      "年初预算90万元，实际支出88.2万元，执行率98%。",
      "2.独生子女父母奖励资金：",
      "年初预算45万元，实际支出45万元，执行率100%。",
      "3.慢性病防治专项经费：",
      "年初预算16万元，实际支出12万元，执行率75%。",
    ]);
    expect(r.map((x) => x[0])).toEqual(["家庭医生签约服务项目", "独生子女父母奖励资金", "慢性病防治专项经费"]);
    expect(r[2][1]).toEqual({ "budget.initial": 160000, "budget.executed": 120000, "budget.execution_rate": 75 });
  });
});

describe("no project from lists that are not of projects", () => {
  it("leaves sources, shares, places, classes, kinds of money and catalogue lines", () => {
    const r = extract(
      docFromLines([
        "某县财政局2022年度部门整体支出绩效自评报告",
        "2022年收入合计860万元，其中财政拨款资金800万元、其他资金60万元。支出合计850万元，其中：基本支出600万元，项目支出250万元。",
        "下达中央资金200万元、省级资金100万元。上级补助资金50万元，本级财政资金30万元。",
        "其中省内安排农机购置补贴资金30万元，中央安排农机购置补贴资金170万元。",
        "分配甲县120万元、乙县80万元、丙县60万元。",
        "专项资金年初预算100万元，实际支出96万元。项目资金年初预算250万元，全年执行240万元。",
        "“三公”经费预算5万元，实际支出3.2万元。机关运行经费预算40万元，实际支出38万元。人员经费年初预算520万元，实际支出518万元。",
      ]),
    );
    expect(r.projects).toEqual([]);
  });
});

describe("names that are pieces of sentences or budget stages", () => {
  it("takes the opening words off a list's first name and leaves a name with a verb", () => {
    const r = projects(["某县水利局2022年度部门整体支出绩效自评报告", "本年项目支出100万元。", "其中山塘整治项目40万元、灌区节水改造工程60万元。向甲镇拨付河道保洁资金12万元、乙镇河道保洁资金8万元。"]);
    expect(r.map((x) => x[0])).toEqual(["山塘整治项目", "灌区节水改造工程"]);
  });
  it("reads no project from the stages of the report's own money", () => {
    const r = extract(
      docFromLines([
        "某县农业农村局2022年度部门整体支出绩效自评报告",
        "（一）年初预算资金",
        "年初预算资金120万元，全年预算资金130万元，实际到位资金130万元，执行资金128万元。",
        "（二）项目支出资金",
        "项目支出资金300万元，其中结转资金20万元、当年资金280万元。",
      ]),
    );
    expect(r.projects).toEqual([]);
  });
});

describe("a project's section", () => {
  const doc = [
    "某市文旅局2022年度部门整体支出绩效自评报告",
    "三、项目支出绩效情况",
    "（一）乡村文化站提升项目",
    "1.项目概况",
    "该项目用于乡镇文化站设备更新。",
    "2.资金使用情况",
    "年初预算150万元，实际支出147万元，预算执行率98%。",
    "3.绩效目标完成情况",
    "群众满意度96%，自评得分93分。",
    "（二）古建筑修缮工程",
    "1.资金使用情况",
    "年初预算80万元，实际支出76万元，执行率95%。",
    "四、部门整体绩效",
    "部门整体支出执行率为97%。",
  ];
  it("runs over its sub-headings to the next heading of its level, and its figures are the project's", () => {
    expect(projects(doc)).toEqual([
      ["乡村文化站提升项目", { "budget.initial": 1500000, "budget.executed": 1470000, "budget.execution_rate": 98, "satisfaction.rate": 96, "score.total": 93 }],
      ["古建筑修缮工程", { "budget.initial": 800000, "budget.executed": 760000, "budget.execution_rate": 95 }],
    ]);
    expect(extract(docFromLines(doc)).metrics.map((m) => [m.key, m.value])).toEqual([["budget.execution_rate", 97]]);
  });
  it("is not opened by a heading that sorts projects without naming one", () => {
    const r = extract(docFromLines(["某县2022年度部门整体支出绩效自评报告", "（二）重点项目", "年初预算80万元，实际支出76万元。"]));
    expect(r.projects).toEqual([]);
  });
});

describe("tables of projects inside a report", () => {
  it("reads each project's score and grade beside its money, the score unscaled by the table's 万元", () => {
    const r = projects([
      "某县住建局2023年度部门整体支出绩效自评报告",
      "单位：万元",
      "序号 | 项目 | 预算数 | 执行数 | 得分 | 等级",
      "1 | 背街小巷整治项目 | 260.00 | 250.00 | 94 | 优",
      "2 | 污水管网维护经费 | 75.00 | 70.00 | 86.5 | 良",
    ]);
    expect(r).toEqual([
      ["背街小巷整治项目", { "budget.initial": 2600000, "budget.executed": 2500000, "score.total": 94, "score.grade": null }],
      ["污水管网维护经费", { "budget.initial": 750000, "budget.executed": 700000, "score.total": 86.5, "score.grade": null }],
    ]);
    const grades = extract(docFromLines(["某县住建局2023年度部门整体支出绩效自评报告", "项目名称 | 预算数（万元） | 等级", "背街小巷整治项目 | 260 | 优"])).projects[0].metrics;
    expect(grades.find((m) => m.key === "score.grade")?.text).toBe("优");
  });
  it("names an allocation's rows by their project column, the place standing first, and reads its 下达金额", () => {
    const r = projects([
      "某市财政局2023年度乡村道路养护资金绩效自评报告",
      "资金分配表（单位：万元）",
      "县区 | 项目名称 | 下达金额",
      "甲县 | 甲县通村公路养护工程 | 90",
      "乙县 | 乙县渡改桥项目 | 45",
    ]);
    expect(r).toEqual([
      ["甲县通村公路养护工程", { "budget.initial": 900000 }],
      ["乙县渡改桥项目", { "budget.initial": 450000 }],
    ]);
  });
});

describe("a unit's list of forms", () => {
  // A web page prints each cell of the form as a paragraph of its own (blank lines between).
  const form = ["项目名称", "", "城区公厕保洁经费", "", "主管部门", "", "某市城市管理局", "", "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分", "年度资金总额： | 48 | 48 | 45.6 | 10 | 95% | 9.5"];
  it("files the first form's figures under its project when the page lists several projects' forms", () => {
    const r = projects(["某市城市管理局本级单位项目绩效自评表清单", "", "1", "", "城区公厕保洁经费自评表", "", "2", "", "路灯维护经费自评表", "", "项目支出绩效自评表", "", ...form]);
    expect(r).toEqual([["城区公厕保洁经费", { "budget.initial": 480000, "budget.adjusted": 480000, "budget.executed": 456000, "budget.execution_rate": 95 }]]);
  });
  it("keeps a single project's form at the report's level", () => {
    const r = extract(docFromLines(["项目支出绩效自评表", "", ...form]));
    expect(r.projects).toEqual([]);
    expect(r.metrics.find((m) => m.key === "budget.executed")?.value).toBe(456000);
  });
});

describe("projects named clause by clause", () => {
  it("gives each clause that opens with a project's name its figures, the clauses after it that name none too", () => {
    const r = projects([
      "某县农业农村局2023年度部门整体支出绩效自评报告",
      "本年度开展项目自评4个，其中耕地质量提升项目自评得分94分，农技服务项目自评得分90.5分。",
      "执行情况：良种繁育工程预算30万元，已支付27万元；渔业增殖放流项目预算12万元，已支付12万元。",
    ]);
    expect(r).toEqual([
      ["耕地质量提升项目", { "score.total": 94 }],
      ["农技服务项目", { "score.total": 90.5 }],
      ["良种繁育工程", { "budget.initial": 300000, "budget.executed": 270000 }],
      ["渔业增殖放流项目", { "budget.initial": 120000, "budget.executed": 120000 }],
    ]);
  });
  it("names no project by a clause of a head count or an operating class", () => {
    const r = extract(docFromLines(["某县社保中心2023年度部门整体支出绩效自评报告", "全县共有单位80个，征收机关养老保险基金在职人员3000人，基金收缴5000万元。机关运行经费预算40万元，实际支出38万元。"]));
    expect(r.projects).toEqual([]);
  });
});

describe("amounts told before their projects", () => {
  it("reads two or more 'X万元用于Y工程' pairs", () => {
    const r = projects(["某区城管局2022年度部门整体支出绩效自评报告", "全年投入资金500万元，其中300万元用于公厕改造工程，150万元用于环卫设施更新项目，50万元用于绿化养护。"]);
    expect(r).toEqual([
      ["公厕改造工程", { "budget.initial": 3000000 }],
      ["环卫设施更新项目", { "budget.initial": 1500000 }],
    ]);
  });
});

describe("lists opened by 主要用于 in a sentence about projects", () => {
  it("reads three pairs or more, and leaves the lists of other sentences and of places", () => {
    const r = projects([
      "某县交通局2022年度部门整体支出绩效自评报告",
      "本年项目支出共计900万元，主要用于：村道养护300万元、渡口维修250万元、站场运营补贴150万元。",
      "基本支出主要用于：人员工资120万元、办公经费30万元、差旅费5万元。",
      "资金分配：甲县120万元、乙县80万元、丙镇60万元。",
    ]);
    expect(r.map((x) => x[0])).toEqual(["村道养护", "渡口维修", "站场运营补贴"]);
  });
  it("reads what a listed project spent", () => {
    const r = projects(["某县交通局2022年度部门整体支出绩效自评报告", "各项目执行情况：路况监测项目支出45万元、超限检测站建设项目支出60万元。"]);
    expect(r).toEqual([
      ["路况监测项目", { "budget.executed": 450000 }],
      ["超限检测站建设项目", { "budget.executed": 600000 }],
    ]);
  });
});

describe("shapes of transfer-payment and fund reports", () => {
  it("leaves shares by level and batches of money", () => {
    const r = extract(
      docFromLines([
        "某盟2022年度养老保险补助资金绩效自评报告",
        "补助经费预算数9000万元，其中：中央补助资金5000万元，自治区财政补助资金2000万元，盟市财政补助资金1000万元，旗县级财政资金1000万元。",
        "共下达资金800万元，其中第一批资金500万元，第二批资金300万元。",
        "各县区申请市级补贴共计600万元，基础养老金补贴500万元。",
      ]),
    );
    expect(r.projects).toEqual([]);
  });
  it("reads a semicolon list whose pairs carry a note, a name with its own 、 and a long name", () => {
    const r = projects([
      "某州生态环境局2021年度项目支出绩效自评报告",
      "批复项目4个，分别为：甲市土壤污染治理专项资金600万元，资金直接拨付至甲市财政局；乙州排污许可核发经费30万元；丙省生态环境厅数据监管平台乙州分中心建设项目专项资金90万元；中央、省环保督察工作经费50万元。",
    ]);
    expect(r.map((x) => x[0])).toEqual(["甲市土壤污染治理专项资金", "乙州排污许可核发经费", "丙省生态环境厅数据监管平台乙州分中心建设项目专项资金", "中央、省环保督察工作经费"]);
  });
  it("reads quoted projects with their amounts in brackets, and uses of money that name projects", () => {
    const r = projects([
      "某市2023年度中央土壤污染防治资金绩效自评报告",
      "将该笔资金下拨至甲旗，用于实施“甲化工厂地块土壤污染状况调查项目”(300万元)和“乙镇污水池地块土壤污染状况调查”(200万元)。",
      "将1亿元资金下拨用于实施清洁取暖，30万元资金下拨用于实施丙公司物料堆场封闭改造项目。",
    ]);
    expect(r).toEqual([
      ["甲化工厂地块土壤污染状况调查项目", { "budget.initial": 3000000 }],
      ["乙镇污水池地块土壤污染状况调查", { "budget.initial": 2000000 }],
      ["丙公司物料堆场封闭改造项目", { "budget.initial": 300000 }],
    ]);
  });
});

describe("a use naming a long project", () => {
  it("reads a company's project of more than forty characters", () => {
    const r = projects(["某市2023年度部门整体支出绩效自评报告", "将1亿元资金下拨用于实施清洁取暖，30万元资金下拨用于实施某某市某某区某某建材运输集团有限责任公司砂石骨料储存及生产加工全封闭库房与道路升级改造项目。"]);
    expect(r).toEqual([["某某市某某区某某建材运输集团有限责任公司砂石骨料储存及生产加工全封闭库房与道路升级改造项目", { "budget.initial": 300000 }]]);
  });
});

describe("a unit's project report with a numbered heading per fund", () => {
  const report = ["某县民政局2023年度项目支出绩效自评报告", "一、城乡低保资金", "全年预算数600万元，全年执行数588万元，预算执行率98%，自评得分95分。", "二、临时救助资金", "全年预算数40万元，全年执行数40万元，预算执行率100%，自评得分97分。"];
  it("files each heading's figures under its fund, the first amount under its own label only", () => {
    expect(projects(report)).toEqual([
      ["城乡低保资金", { "budget.adjusted": 6000000, "budget.executed": 5880000, "budget.execution_rate": 98, "score.total": 95 }],
      ["临时救助资金", { "budget.adjusted": 400000, "budget.executed": 400000, "budget.execution_rate": 100, "score.total": 97 }],
    ]);
  });
  it("keeps one fund's heading the report's own when it stands alone", () => {
    expect(projects(report.slice(0, 3))).toEqual([]);
  });
});

describe("funds told in parallel clauses of a project report", () => {
  it("are projects when each states its own budget and outlay", () => {
    expect(projects(["某县民政局2023年度项目支出绩效自评报告", "我局共有项目支出2项。城乡低保资金全年预算数600万元，执行588万元，执行率98%；临时救助资金全年预算数40万元，执行40万元，执行率100%。"])).toEqual([
      ["城乡低保资金", { "budget.adjusted": 6000000, "budget.executed": 5880000, "budget.execution_rate": 98 }],
      ["临时救助资金", { "budget.adjusted": 400000, "budget.executed": 400000, "budget.execution_rate": 100 }],
    ]);
  });
  it("are not when the clauses name sources of one project's money", () => {
    expect(projects(["2023年度某县农业项目支出绩效自评报告", "中央资金全年预算数100万元，执行90万元；省级资金全年预算数50万元，执行50万元。"])).toEqual([]);
  });
});

describe("what a report tells of its listed projects outside the pair that named them", () => {
  it("reads each item's rate in its own clause after its outlay, when every item tells one", () => {
    expect(projects(["某县交通运输局2023年度项目支出绩效自评报告", "2023年共安排项目资金150万元，包括：农村公路养护项目100万元、危桥改造工程50万元。", "截至2023年12月31日，农村公路养护项目已支出95万元，执行率95%；危桥改造工程已支出50万元，执行率100%。"])).toEqual([
      ["农村公路养护项目", { "budget.initial": 1000000, "budget.executed": 950000, "budget.execution_rate": 95 }],
      ["危桥改造工程", { "budget.initial": 500000, "budget.executed": 500000, "budget.execution_rate": 100 }],
    ]);
  });
  it("leaves a rate after the last item alone to the report", () => {
    const r = extract(docFromLines(["某县交通运输局2023年度部门整体支出绩效自评报告", "项目支出包括：农村公路养护项目100万元、危桥改造工程50万元，全年预算执行率95%。"]));
    expect(r.projects.map((p) => p.metrics.map((m) => m.key))).toEqual([["budget.initial"], ["budget.initial"]]);
  });
  it("reads a later clause that opens with a listed name, as that project's", () => {
    expect(projects(["某县水利局2023年度项目支出绩效自评报告", "2023年我局项目资金包括：农村道路提升120万元、小型水库除险加固80万元。", "截至年底，农村道路提升已支付115万元，支付率95.83%；小型水库除险加固已支付80万元，支付率100%。"])).toEqual([
      ["农村道路提升", { "budget.initial": 1200000, "budget.executed": 1150000, "budget.execution_rate": 95.83 }],
      ["小型水库除险加固", { "budget.initial": 800000, "budget.executed": 800000, "budget.execution_rate": 100 }],
    ]);
  });
});

describe("rates said of every listed project at once", () => {
  it("gives each its rate in order after 分别, and the one rate to all after 均", () => {
    expect(projects(["某县水利局2023年度项目支出绩效自评报告", "资金执行情况：农村道路提升项目支出115万元、小型水库除险加固项目支出80万元，执行率分别为95.83%和100%。"]).map(([n, m]) => [n, (m as Record<string, number>)["budget.execution_rate"]])).toEqual([
      ["农村道路提升项目", 95.83],
      ["小型水库除险加固项目", 100],
    ]);
    expect(projects(["某县水利局2023年度项目支出绩效自评报告", "资金执行情况：农村道路提升项目支出120万元、小型水库除险加固项目支出80万元，执行率均为100%。"]).map(([n, m]) => [n, (m as Record<string, number>)["budget.execution_rate"]])).toEqual([
      ["农村道路提升项目", 100],
      ["小型水库除险加固项目", 100],
    ]);
  });
  it("gives none when 分别 names fewer rates than projects", () => {
    const r = projects(["某县水利局2023年度项目支出绩效自评报告", "资金执行情况：农村道路提升项目支出115万元、小型水库除险加固项目支出80万元、河道清淤项目支出30万元，执行率分别为95.83%和100%。"]);
    expect(r.every(([, m]) => (m as Record<string, number>)["budget.execution_rate"] === undefined)).toBe(true);
  });
});

describe("a numbered project item's own allocation and payment words", () => {
  it("reads 下达 as the project's budget and 已全部支付到位 as its outlay", () => {
    expect(projects(["某县农业农村局2023年度项目支出绩效自评报告", "1.高标准农田建设项目，下达资金300万元，已全部支付到位。", "2.农村人居环境整治项目，下达资金120万元，实际支出100万元。"])).toEqual([
      ["高标准农田建设项目", { "budget.adjusted": 3000000, "budget.executed": 3000000 }],
      ["农村人居环境整治项目", { "budget.adjusted": 1200000, "budget.executed": 1000000 }],
    ]);
  });
});

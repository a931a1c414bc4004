/**
 * Shapes of the national 自评表 and "三公" tables as pages and PDF text layers print them, beyond the ones the corpus
 * was tuned on: cells run together, reading glosses inside labels, a header read from a word short, a line's budget
 * beside its outturn. Figures and wording are made up; only the structure follows the templates.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { normalizeText } from "../../src/document/normalize.js";
import { docFromLines } from "./helpers.js";

const metricsOf = (lines: string[]) =>
  Object.fromEntries(extract(docFromLines(lines)).metrics.map((m) => [`${m.key}@${m.year}`, m.value]));

const head = ["2023年度项目支出绩效自评表", "项目名称：村级道路养护补助", "（单位：万元）"];

describe("cells run together", () => {
  it("cuts a glued row where the row's own arithmetic confirms the cut", () => {
    expect(metricsOf([...head, "预算数 执行数 执行率", "40004000100%"])).toMatchObject({
      "budget.initial@2023": 40000000,
      "budget.executed@2023": 40000000,
      "budget.execution_rate@2023": 100,
    });
    expect(metricsOf([...head, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 320.50318.00301.25 10 94.73%9.47"])).toMatchObject({
      "budget.initial@2023": 3205000,
      "budget.adjusted@2023": 3180000,
      "budget.executed@2023": 3012500,
      "budget.execution_rate@2023": 94.73,
    });
  });
  it("cuts a long glued row by the one precision its money columns share", () => {
    // Too many cuttings for the arithmetic alone (1378.40 | 1378.40 | 1378.4010 … also gives 100 %).
    expect(metricsOf([...head, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额1378.401378.401378.4010100%10"])).toMatchObject({
      "budget.initial@2023": 13784000,
      "budget.adjusted@2023": 13784000,
      "budget.executed@2023": 13784000,
      "budget.execution_rate@2023": 100,
    });
    expect(metricsOf([...head, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额86.5290.1287.6410 97.25%9.73"])).toMatchObject({
      "budget.initial@2023": 865200,
      "budget.adjusted@2023": 901200,
      "budget.executed@2023": 876400,
      "budget.execution_rate@2023": 97.25,
    });
  });
  it("leaves a glued run alone when no cut agrees with the printed rate", () => {
    const m = metricsOf([...head, "预算数 执行数 执行率", "40004000 95%"]);
    expect(m["budget.initial@2023"]).toBeUndefined();
    expect(m["budget.executed@2023"]).toBeUndefined();
  });
  it("never reads glued cells as a rate of billions of percent", () => {
    expect(metricsOf([...head, "执行率40004000100%"])["budget.execution_rate@2023"]).toBeUndefined();
  });
  it("keeps a row of zeros apart (0 0 0 is three empty cells, not 000)", () => {
    expect(normalizeText("其他资金 0 0 0")).toMatch(/0 0 0$/);
    expect(normalizeText("1 2 3 4 . 5 6")).toBe("1234.56");
  });
});

describe("reading glosses inside labels", () => {
  it("drops pinyin and English glosses from the text extraction reads", () => {
    expect(normalizeText("单位：万(wàn)元")).toBe("单位：万元");
    expect(normalizeText("年初预(yu suan)算数")).toBe("年初预算数");
    expect(normalizeText("全年执行数(Actual spending)")).toBe("全年执行数");
    expect(normalizeText("年初预算数(A) 执行率(B/A) PPP项目(PPP)")).toBe("年初预算数(A) 执行率(B/A) PPP项目(PPP)");
  });
  it("reads a form whose labels carry glosses", () => {
    expect(metricsOf([head[0], head[1], "单位：万(wàn)元", "年初预算数(Initial) 全年预算数(Annual) 全年执行数(Actual) 分值 执行率 得分", "年度资金总额 88.00 90.00 81.00 10 90.00% 9.00"])).toMatchObject({
      "budget.initial@2023": 880000,
      "budget.adjusted@2023": 900000,
      "budget.executed@2023": 810000,
      "budget.execution_rate@2023": 90,
    });
  });
});

describe("a header read short", () => {
  it("binds nothing when the row prints its rate where the columns read put money", () => {
    const m = metricsOf([...head, "全年执行数(另注) 分值 执行率 得分", "年度资金总额 88.00 90.00 81.00 10 90.00% 9.00"]);
    expect(m["budget.execution_rate@2023"] === undefined || m["budget.execution_rate@2023"] === 90).toBe(true);
    expect(Object.values(m)).not.toContain(90);
  });
});

describe("三公 budget beside outturn", () => {
  const dept = ["某县档案馆2022年度部门整体支出绩效自评报告", "三、“三公”经费"];
  it("takes the outturn a sentence states after the budget", () => {
    expect(metricsOf([...dept, "“三公”经费预算数15.00万元，决算数11.20万元，其中公务接待费预算数5.00万元，实际发生额3.60万元。"])).toMatchObject({
      "three_public.total@2022": 112000,
      "three_public.reception@2022": 36000,
    });
  });
  const table = ["单位：万元", "项目\t预算数\t决算数", "“三公”经费合计\t15.00\t11.20", "公务接待费\t5.00\t3.60", "公务用车运行维护费\t10.00\t7.60"];
  it("takes the outturn column of a table, tab-separated or one cell per line", () => {
    const want = { "three_public.total@2022": 112000, "three_public.reception@2022": 36000, "three_public.vehicle_operation@2022": 76000 };
    expect(metricsOf([...dept, ...table])).toMatchObject(want);
    expect(metricsOf([...dept, ...table.flatMap((l) => (l.includes("\t") ? [l.split("\t")[0], l.split("\t").slice(1).join(" ")] : [l]))])).toMatchObject(want);
  });
  it("binds no 三公 figure when the header does not say which column is the outturn", () => {
    const m = metricsOf([...dept, "单位：万元", "项目\t预算数\t上年数", "公务接待费\t5.00\t3.60"]);
    expect(m["three_public.reception@2022"]).toBeUndefined();
  });
});

describe("budget and outlay wording", () => {
  const dept = "某县水利局2023年度部门整体支出绩效自评报告";
  const project = "某县2023年度小型水库维修项目支出绩效自评报告";
  it("reads the adjusted budget and the outlay under their other names", () => {
    for (const title of [dept, project]) {
      expect(metricsOf([title, "预算调整为640.2万元，完成支出600.5万元，执行率93.80%。"])).toMatchObject({ "budget.adjusted@2023": 6402000, "budget.executed@2023": 6005000 });
      expect(metricsOf([title, "调整后全年预算数为640.2万元，全年支出数600.5万元。"])).toMatchObject({ "budget.adjusted@2023": 6402000, "budget.executed@2023": 6005000 });
      expect(metricsOf([title, "全年预算总额640.2万元，累计支出600.5万元。"])).toMatchObject({ "budget.executed@2023": 6005000 });
    }
  });
  it("takes the one unlabelled amount that is the printed rate of the budget as the outlay", () => {
    expect(metricsOf([dept, "全年预算640.2万元，实际使用资金600.5万元，预算执行率93.80%。"])["budget.executed@2023"]).toBe(6005000);
    // Two amounts that could be it, or none: nothing is guessed.
    expect(metricsOf([dept, "全年预算640.2万元，拨付600.5万元，使用600.5万元，预算执行率93.80%。"])["budget.executed@2023"]).toBeUndefined();
    expect(metricsOf([dept, "全年预算640.2万元，使用资金590.5万元，预算执行率93.80%。"])["budget.executed@2023"]).toBeUndefined();
  });
});

describe("empty cells marked in a flattened row", () => {
  it("keeps the columns after a marked blank in place, on one line or one cell per line", () => {
    const want = { "budget.initial@2023": 3205000, "budget.executed@2023": 3012500, "budget.execution_rate@2023": 94 };
    const header = ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
    const row = ["年度资金总额", "320.50", "—", "301.25", "10", "94.00%", "9.40"];
    expect(metricsOf([...head, header.join(" "), row.join(" ")])).toMatchObject(want);
    expect(metricsOf([...head, ...header, ...row])).toMatchObject(want);
    expect(metricsOf([...head, header.join(" "), row.join(" ")])["budget.adjusted@2023"]).toBeUndefined();
  });
});

describe("a header cell merged over two columns", () => {
  it("reads the row one column off only where its rate then falls under the rate column", () => {
    const header = ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].join("\t");
    const row = ["年度资金总额", "66.00", "70.00", "63.00", "10", "90.00%", "9.00"].join("\t");
    expect(metricsOf([...head.slice(0, 2), header, row])).toMatchObject({
      "budget.initial@2023": 660000,
      "budget.adjusted@2023": 700000,
      "budget.executed@2023": 630000,
      "budget.execution_rate@2023": 90,
    });
    expect(Object.values(metricsOf([...head.slice(0, 2), header, row]))).not.toContain(100000);
  });
});

describe("a row a reader printed as two paragraphs", () => {
  it("keeps the figures where the paragraphs meet apart (1 52.80 / 52.80 …, not 52.8052.80)", async () => {
    const { assembleDocument } = await import("../../src/document/assemble.js");
    const { allBlocks } = await import("../../src/document/model.js");
    const { passages } = await import("../../src/extract/passages.js");
    const lines = ["某县2024年度专项资金绩效自评表", "年度资金总额(万元)：1 52.80", "52.80 52.80 100.00% 30.80 58.33%"];
    let at = 0;
    const pieces = lines.map((text) => ({ kind: "line" as const, text, start: (at += text.length + 1) - text.length - 1, end: at - 1, page: 1, gap: "paragraph" as const }));
    const doc = assembleDocument({ path: "x.docx", format: "docx", sha256: "0", size: 1, pieces, joinCutLines: true, pageCount: null });
    expect(passages(allBlocks(doc)).map((p) => p.text)).toContain("年度资金总额(万元)：1 52.80 52.80 52.80 100.00% 30.80 58.33%");
  });
});

describe("header words with a noun ending no label carries", () => {
  it("reads 全年实际支出数, 年初预算金额 and 全年到位数 columns", () => {
    expect(metricsOf([...head, "项目资金 年初预算数 调整后预算数 全年实际支出数 分值 执行率 得分", "年度资金总额 80.00 88.00 81.00 10 92.05% 9.2"])).toMatchObject({
      "budget.executed@2023": 810000,
      "budget.execution_rate@2023": 92.05,
    });
    expect(metricsOf([...head, "项目资金 年初预算金额 全年预算金额 全年执行金额 分值 执行率 得分", "年度资金总额 80.00 88.00 81.00 10 92.05% 9.2"])).toMatchObject({
      "budget.initial@2023": 800000,
      "budget.adjusted@2023": 880000,
      "budget.executed@2023": 810000,
    });
    expect(metricsOf([...head, "项目资金 年初预算数 全年预算数 全年到位数 全年执行数 分值 执行率 得分", "年度资金总额 80.00 88.00 88.00 81.00 10 92.05% 9.2"])).toMatchObject({
      "budget.received@2023": 880000,
      "budget.executed@2023": 810000,
    });
  });
});

describe("PDF text: a lone digit a space before a figure", () => {
  it("is a cell of its own (行次 1 | 52.800000), while digits drawn one by one still join", async () => {
    const { needsSpace } = await import("../../src/formats/pdf-lines.js");
    expect(needsSpace("年度资金总额:1", "52.800000", 3, 10.5)).toBe(true);
    expect(needsSpace("1", "2", 0.4, 10.5)).toBe(false);
    expect(needsSpace("12", "34.56", 0.3, 10.5)).toBe(false);
  });
});

describe("the outlay confirmed by its rate, across sentences and units", () => {
  const project = "某省2022年度城乡居民养老保险补助资金绩效自评报告";
  it("reads a bare outlay in its budget's unit when the rate confirms it", () => {
    expect(metricsOf([project, "全年预算数2000.00万元，全区执行数1900.00(含中央资金1500.00万元)，总预算执行率95.00%。"])["budget.executed@2022"]).toBe(19000000);
  });
  it("takes the report's budget for a sentence that tells only the outlay and its rate", () => {
    const m = metricsOf([project, "全年预算数2000.00万元。", "资金执行总量1900.00万元，预算执行率为95.00%。"]);
    expect(m["budget.executed@2022"]).toBe(19000000);
    expect(metricsOf([project, "全年预算数2000.00万元。", "资金执行总量1800.00万元，预算执行率为95.00%。"])["budget.executed@2022"]).toBeUndefined();
  });
  it("an outlay split into 基本支出 and 项目支出 is the year's total expenditure", () => {
    const m = metricsOf(["某市图书馆2021年度整体支出绩效评价报告", "全年实际支出820.50万元，其中基本支出600.20万元，项目支出220.30万元。"]);
    expect(m["expenditure.total@2021"]).toBe(8205000);
    expect(m["budget.executed@2021"]).toBeUndefined();
  });
});

describe("allocation and arrival told around the figure", () => {
  const project = "某县2021年度省级旅游发展资金项目支出绩效自评报告";
  it("reads an allocation whose figure comes before the money's noun (下达我区X万元…资金)", () => {
    expect(metricsOf([project, "根据省财政厅文件精神，下达我区65万元2021年省级旅游发展资金。"])["budget.adjusted@2021"]).toBe(650000);
    expect(metricsOf([project, "根据省财政厅文件精神，下达我区65万元，用于景区标识牌更换。"])["budget.adjusted@2021"]).toBeUndefined();
  });
  it("reads an arrival dated with a year printed a digit short (于202年3月全部到位)", () => {
    expect(metricsOf([project, "项目资金到位情况：专项资金65万元于202年3月2日全部到位。"])["budget.received@2021"]).toBe(650000);
  });
});

describe("allocations told per level of government", () => {
  const project = "某县民政局2021年度困难群众救助补助资金绩效自评报告";
  it("states no budget when each level's allocation stands alone", () => {
    expect(metricsOf([project, "2021年我局共收到中央下达救助补助资金5000万元。", "省级下达资金600万元，主要用于城乡低保。"])["budget.adjusted@2021"]).toBeUndefined();
    expect(metricsOf([project, "2021年共安排资金320亿元，其中中央财政专项资金200亿元，省级财政安排补助资金20亿元。"])["budget.adjusted@2021"]).not.toBe(2000000000);
  });
  it("keeps a single allocation", () => {
    expect(metricsOf([project, "2021年我局共收到中央下达救助补助资金5000万元。"])["budget.adjusted@2021"]).toBe(50000000);
  });
});

describe("execution told as a spending rate or progress", () => {
  const project = "某县2022年度农村饮水安全项目支出绩效自评报告";
  it("reads 支出率 and 执行进度 as the execution rate, 资金支出 and 累计使用 in a project's text as the outlay", () => {
    expect(metricsOf([project, "截至2022年12月31日，已支出资金95万元，支出率95%。"])).toMatchObject({ "budget.executed@2022": 950000, "budget.execution_rate@2022": 95 });
    expect(metricsOf([project, "全年预算100万元，累计使用资金95万元，资金执行进度95%。"])).toMatchObject({ "budget.executed@2022": 950000, "budget.execution_rate@2022": 95 });
    expect(metricsOf([project, "资金到位100万元，资金支出95万元，预算执行率95.00%。"])).toMatchObject({ "budget.received@2022": 1000000, "budget.executed@2022": 950000 });
    expect(metricsOf([project, "资金预算100万元，已支付95万元，支付率95%。"])).toMatchObject({ "budget.execution_rate@2022": 95 });
  });
  it("reads 应执行数 as the year's budget, not its outlay, and 实际执行率 as the rate", () => {
    const m = metricsOf([project, "全年应执行数为12.40万元，实际执行率为100%。"]);
    expect(m).toMatchObject({ "budget.adjusted@2022": 124000, "budget.execution_rate@2022": 100 });
    expect(m["budget.executed@2022"]).toBeUndefined();
    expect(metricsOf([project, "会议经费严格按照管理办法使用，支出资金0.35万元，执行率100%。"])).toMatchObject({ "budget.executed@2022": 3500 });
  });
  it("reads a transfer's 指标金额/资金指标 and 实际下达 as its budget, 已拨付资金, 实际拨付金额, 完成支付 and 结算支付资金 as its outlay", () => {
    expect(metricsOf([project, "该项目指标金额是36万元，实际拨付金额是35万元。"])).toMatchObject({ "budget.adjusted@2022": 360000, "budget.executed@2022": 350000 });
    expect(metricsOf([project, "2022年年初下达我县资金50万元，年中调减8万元，全年实际下达42万元。"])).toMatchObject({ "budget.initial@2022": 500000, "budget.adjusted@2022": 420000 });
    expect(metricsOf([project, "2022年已拨付资金40万元。"])["budget.executed@2022"]).toBe(400000);
    expect(metricsOf([project, "2022年完成支付28.5万元。"])["budget.executed@2022"]).toBe(285000);
    expect(metricsOf([project, "已结算支付资金31.2万元，占比96%。"])["budget.executed@2022"]).toBe(312000);
  });
});

describe("the national 自评表's fund rows as pages flatten them", () => {
  const form = ["2023年度项目支出绩效自评表", "项目名称：乡村图书室维护", "主管部门 某县文化局 实施单位 某县文化局"];
  it("reads the form's unit printed between the header run and the row label", () => {
    expect(metricsOf([...form, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "(万元) 年度资金总额 40 40 36.5 10 91.3% 9"])).toMatchObject({
      "budget.initial@2023": 400000,
      "budget.adjusted@2023": 400000,
      "budget.executed@2023": 365000,
      "budget.execution_rate@2023": 91.3,
    });
  });
  it("reads a rate printed as a fraction as percent when the row's executed ÷ budget confirms it", () => {
    const m = metricsOf([...form, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "(万元) 年度资金总额 60 64 57.6 10 0.90 9"]);
    expect(m["budget.execution_rate@2023"]).toBe(90);
    expect(metricsOf([...form, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "(万元) 年度资金总额 50 50 43.3 10 0.866 8.66"])["budget.execution_rate@2023"]).toBe(86.6);
  });
  it("leaves a fraction the row's figures do not confirm as printed", () => {
    const m = metricsOf([...form, "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "(万元) 年度资金总额 50 50 43.3 10 0.72 8"]);
    expect(m["budget.execution_rate@2023"]).not.toBe(72);
  });
});

describe("money cells with their own bare multiplier", () => {
  it("reads 1200.5万 under a money column as 万元, not scaled again by the table's declared unit", () => {
    const m = metricsOf([
      "2023年度某补助资金转移支付项目绩效目标自评表",
      "地方主管部门 | 某县民政局 | 资金使用单位 | 某县民政局 |",
      "资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |",
      "年度资金总额: | 1200.5万 | 1150.5万 | 95.84% |",
    ]);
    expect(m).toMatchObject({ "budget.adjusted@2023": 12005000, "budget.executed@2023": 11505000, "budget.execution_rate@2023": 95.84 });
  });
});

describe("a fund row one cell short, its rate left of the rate column", () => {
  // The row's label ends the header row and its figures follow on the next, 年初预算数 left empty and dropped.
  const pipes = (values: string) => [
    "2023年度项目支出绩效自评表 | 部门:东湖县实验小学 |",
    "| 项目名称 | 学生课后服务补助 | 主管部门 | 东湖县教育局 | 项目资金 (元) |",
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
    `| ${values} | 其中:当年财政 拨款 |`,
  ];
  it("aligns the figures right where executed ÷ budget is the printed rate", () => {
    const m = metricsOf(pipes("52000.50 | 48100.25 | 10 | 92.5% | 9.25"));
    expect(m["budget.executed@2023"]).toBe(48100.25);
    expect(m["budget.execution_rate@2023"]).toBe(92.5);
    expect(Object.entries(m).filter(([k, v]) => k.startsWith("budget.") && v === 52000.5).length).toBeGreaterThan(0);
  });
  it("binds no column when the rate does not confirm the placing", () => {
    const m = metricsOf(pipes("52000.50 | 48100.25 | 10 | 80% | 8"));
    expect(m["budget.executed@2023"]).toBeUndefined();
  });
});

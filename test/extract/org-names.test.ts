/**
 * The grammar of organisation names and the choice of a report's department, on invented names: places, bodies and
 * page chrome made up for the test, in the shapes the real reports print them.
 */
import { describe, expect, it } from "vitest";
import { isOrgName, leadingName, rejectReason, trailingName } from "../../src/extract/department/index.js";
import { fullerForm, isPlaced } from "../../src/extract/department/org-name.js";
import { reportDepartment } from "../../src/extract/department/index.js";
import { analyze } from "../../src/ingest/pipeline.js";
import { docFromLines } from "./helpers.js";

describe("the name grammar", () => {
  it("accepts names that end with an organisation word and carry no verb, table word or number", () => {
    for (const name of [
      "明湖县水利局",
      "青石市第三人民医院",
      "中共白沙县委员会办公室",
      "云岭镇人民政府",
      "松江区妇女联合会",
      "溪山县疾病预防控制中心",
      "白鹭市明湖区人民政府万柳街道办事处",
      "北岭县实验幼儿园",
      "共青团青石市委员会",
      "白沙省生态公益林管理中心",
      "明湖县发展和改革局",
      // Names that hold a word the grammar otherwise forbids, as part of a listed compound.
      "青石市非税收入管理局",
      "明湖县人民法院执行局",
      "明湖县重点项目建设服务中心",
      "青石市财政局预算绩效管理中心",
      "中共明湖县委组织部",
      "国家税务总局青石市税务局",
      "明湖县公安局交通警察大队",
      "明湖县妇幼保健院",
      "明湖县广播电视台",
    ]) {
      expect(rejectReason(name), name).toBeNull();
    }
  });

  it("rejects fragments, table headers, bare places, numbers and two bodies run together", () => {
    const cases: [string, string][] = [
      ["年初全年预算全年", "suffix"],
      ["单位万元财政供养人员情况编制数", "suffix"],
      ["明湖县", "suffix"],
      ["白鹭市明湖区", "suffix"],
      ["根据明湖县财政局", "forbidden"],
      ["明湖县水利局绩效自评领导小组办公室", "forbidden"],
      ["2021明湖县水利局", "digits"],
      ["区卫生健康局", "start"],
      ["我局", "length"],
      ["白沙省财政厅白沙省林业局", "joint"],
      ["明湖县教育局明湖县第一中学", "joint"],
      ["办公室", "suffix"],
      // Page chrome of a site's article header run into the name.
      ["明湖区住房和城乡建设局责任部门明湖区住房和城乡建设局关键字垃圾转运站", "forbidden"],
    ];
    for (const [name, why] of cases) expect(rejectReason(name), name).toBe(why);
  });

  it("does not end a name inside a longer word (部门, 委员会, 办公室)", () => {
    expect(leadingName("明湖县妇女联合会部门整体支出绩效自评报告")).toBe("明湖县妇女联合会");
    expect(leadingName("中共明湖县委员会办公室2023年度")).toBe("中共明湖县委员会办公室");
  });

  it("keeps a body's second name in brackets (一套机构两块牌子), not a bracketed note", () => {
    expect(leadingName("中共明湖县委党校(明湖县行政学校)2023年度部门整体支出绩效自评报告")).toBe("中共明湖县委党校(明湖县行政学校)");
    expect(leadingName("明湖县文化和旅游局（广播电视局）")).toBe("明湖县文化和旅游局(广播电视局)");
    expect(leadingName("明湖县水利局(本级)")).toBe("明湖县水利局");
    expect(leadingName("明湖县水利局(盖章)")).toBe("明湖县水利局");
  });

  it("strips years, section labels, 关于 and known site chrome from the front, 本级 and 盖章 from the end", () => {
    expect(leadingName("2023年度明湖县水利局部门整体支出绩效自评报告")).toBe("明湖县水利局");
    expect(leadingName("2017年度白沙省高级人民法院")).toBe("白沙省高级人民法院");
    expect(leadingName("政府信息公开明湖县水利局2023年")).toBe("明湖县水利局");
    expect(leadingName("预算绩效管理青石县财政局")).toBe("青石县财政局");
    expect(leadingName("城乡规划明湖县自然资源局")).toBe("明湖县自然资源局");
    expect(leadingName("(三)关于明湖县审计局")).toBe("明湖县审计局");
    expect(leadingName("明湖县发展和改革局本级")).toBe("明湖县发展和改革局");
    expect(leadingName("明湖县水利局（盖章）")).toBe("明湖县水利局");
  });

  it("finds the name closing a run of prose, not a piece of the body before it", () => {
    expect(trailingName("经研究，对明湖县财政局")).toBe("明湖县财政局");
    expect(trailingName("资金绩效目标表青石市明湖区财政局")).toBe("青石市明湖区财政局");
    expect(trailingName("青石市明湖区财政局青石市明湖区水利局")).toBe("青石市明湖区水利局");
    expect(trailingName("已全部完成")).toBeNull();
  });

  it("tells a fuller form (a place or parent in front) from chrome in front", () => {
    expect(fullerForm("青石市明湖区财政局", "明湖区财政局")).toBe("青石市明湖区财政局");
    expect(fullerForm("政府网站明湖区财政局", "明湖区财政局")).toBe("明湖区财政局");
    expect(fullerForm("明湖区财政局", "明湖区水利局")).toBeNull();
    expect(isPlaced("明湖区财政局")).toBe(true);
    expect(isPlaced("林业局")).toBe(false);
    expect(isOrgName("林业局")).toBe(true);
  });
});

describe("the department of a report", () => {
  it("reads a field's name past a budget system's unit code in brackets ([155]X县民政局)", () => {
    expect(reportDepartment(["绩效目标自评表 (2022年度)", "项目名称", "临时救助", "主管部门", "[208]东河县民政局"])).toBe("东河县民政局");
  });

  it("reads the issuer before a date in Chinese numerals (二〇二三年四月), past a title cut short (…自评报)", () => {
    expect(reportDepartment(["东河省体育事业专项转移支付2022年度绩效自评报东河省体育局二O二三年四月序号各设区市名称"])).toBe("东河省体育局");
    expect(reportDepartment(["2022年度部门整体支出绩效自评报告", "东河县档案馆", "二〇二三年三月"])).toBe("东河县档案馆");
  });

  it("is the body that evaluates itself (X对…进行了自评), past a sentence that passes money to it", () => {
    const lines = ["县水利局2021年度河道保洁经费绩效自评报告", "按照要求，明湖县水利局对明湖县河道保洁经费进行了自评，现将情况报告如下：", "2021年度明湖县财政划给明湖县水利局河道保洁经费50万元。"];
    expect(reportDepartment(lines)).toBe("明湖县水利局");
  });

  it("finds a name after a transfer verb wherever a forbidden word was tested before (划给, 拨付)", () => {
    expect(leadingName("明湖县财政划给明湖县水利局河道保洁经费")).toBe("明湖县水利局");
    expect(isOrgName("明湖县财政拨付明湖县水利局")).toBe(false);
    // The same call twice: a test of a forbidden word leaves nothing behind that the next reading depends on.
    expect(isOrgName("明湖县财政划给明湖县水利局")).toBe(false);
    expect(leadingName("明湖县财政划给明湖县水利局")).toBe("明湖县水利局");
  });

  it("is the unit the title and the fields agree on, not the parent body of 主管部门", () => {
    const lines = ["明湖县2023年度项目支出绩效自评表", "主管部门", "青石市明湖县文化和旅游局", "项目实施单位", "明湖县文化馆", "项目负责人", "张三"];
    expect(reportDepartment(lines)).toBe("明湖县文化馆");
  });

  it("prefers the fuller form when a signature spells out what a field shortens", () => {
    const lines = ["主管部门(单位)名称 明湖区水利局 资金情况(万元)", "青石市明湖区水利局", "2025年9月19日"];
    expect(reportDepartment(lines.slice(0, 1).concat(["青石市明湖区水利局2025年9月19日"]))).toBe("青石市明湖区水利局");
  });

  it("reads a 发布机构 cell, a cover line above the title and a sentence opening after the year", () => {
    expect(reportDepartment(["索引号", "001-2020-01", "发布机构", "青石市明湖区林业局", "2019年度护林员补助项目绩效自评报告"])).toBe("青石市明湖区林业局");
    expect(reportDepartment(["附件2", "明湖县民政局", "2022年度部门整体支出绩效自评报告", "一、部门基本情况"])).toBe("明湖县民政局");
    expect(reportDepartment(["一、自评结论", "2022年，明湖县民政局较好地完成了年初制定的工作目标。"])).toBe("明湖县民政局");
  });

  it("prefers the report's own title to a superior's 关于…通知 above it, and reads a name printed below a cover title", () => {
    const notice = ["白沙省财政厅关于开展2023年度绩效自评工作的通知", "明湖县交通运输局2023年度部门整体支出绩效自评报告", "一、基本情况"];
    expect(reportDepartment(notice)).toBe("明湖县交通运输局");
    expect(reportDepartment(["2023年部门决算", "青石市明湖区卫生健康委员会", "目录"])).toBe("青石市明湖区卫生健康委员会");
  });

  it("reads a school by its own name above its title without a place, but not a type of school", () => {
    expect(reportDepartment(["青岭铁路中学", "2021年财政预算公开情况说明", "一、部门主要职责"])).toBe("青岭铁路中学");
    expect(reportDepartment(["中等职业学校国家助学金补助资金绩效目标表", "(2021年度)"])).toBeNull();
    expect(reportDepartment(["第一中学", "2021年部门预算公开", "一、部门主要职责"])).toBeNull();
  });

  it("cuts a name from the sentence that describes it, and a template's XX部门 from before it", () => {
    expect(reportDepartment(["一、单位概况", "明湖县云岭镇中心小学是一所完全小学,位于镇区。"])).toBe("明湖县云岭镇中心小学");
    expect(reportDepartment(["XX部门青石市明湖区实验小学", "2020年度部门决算公开", "目录"])).toBe("青石市明湖区实验小学");
    expect(isOrgName("明湖县云岭镇中心小学是一所完全小学")).toBe(false);
  });

  it("keeps a party prefix as part of the name, and reads no 办 of a verb (创办于)", () => {
    expect(reportDepartment(["中共明湖县委宣传部2022年部门预算说明", "一、基本情况", "明湖县委宣传部部门只有本级。"])).toBe("中共明湖县委宣传部");
    // …but not when only an annex prints it while the title and the field print the body without it.
    const annex = ["明湖县档案馆2024年部门整体支出绩效自评报告", "部门名称:明湖县档案馆", "附件6 中共明湖县档案馆2024年项目预算明细表"];
    expect(reportDepartment(annex)).toBe("明湖县档案馆");
    expect(reportDepartment(["目录", "一、部门基本概况", "青石市第二中学创办于1950年,是省级示范高中。", "青石市第二中学只有本级。"])).toBe("青石市第二中学");
  });
  it("reads the subject of a sentence that tags the body as 本级 before the year", () => {
    expect(reportDepartment(["一、部门基本情况", "东河市西湖区某某乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出。"])).toBe("东河市西湖区某某乡人民政府");
  });
  it("reads a line that is only a budget system's unit code and name", () => {
    expect(reportDepartment(["2025年部门预算信息公开目录", "部门预算公开表", "920东河县下口镇财政所"])).toBe("东河县下口镇财政所");
    // A code before a sentence, or before a body without its place, names no unit.
    expect(reportDepartment(["2025年部门预算信息公开目录", "920财政所"])).toBeNull();
  });
  it("takes the full name over its short form (政协 for 中国人民政治协商会议), a province in front allowed", () => {
    expect(reportDepartment(["2018年部门预算公开", "政协明湖县委员会2018年部门预算说明", "中国人民政治协商会议东河省明湖县委员会是县级政协机关。"])).toBe("中国人民政治协商会议东河省明湖县委员会");
    // Another county's committee is another body.
    expect(reportDepartment(["政协明湖县委员会2018年部门预算说明", "中国人民政治协商会议东河省西湖县委员会转来的通知"])).toBe("政协明湖县委员会");
  });
  it("takes the league's committee named in full over the league alone in a file name cut short", () => {
    expect(reportDepartment(["中国共产主义青年团2021年度部门整体支出绩效评价报告.docx", "中国共产主义青年团明湖市东区委员会 2021 年度部门整体支出绩效评价报告"])).toBe("中国共产主义青年团明湖市东区委员会");
  });

  it("reads the unit the template's scope sentence names (纳入…部门预算编制范围的为X本级)", () => {
    expect(reportDepartment(["目录", "二、部门预算单位构成", "我校无二级预算单位,因此,纳入2022年部门预算编制范围的为青岭外国语学校本级。"])).toBe("青岭外国语学校");
  });

  it("skips 主管部门 of several levels listed down an allocation chain, and bodies listed together", () => {
    const lines = ["中央主管部门", "财政部、教育部", "省级主管部门", "白沙省教育厅", "市级主管部门", "青石市教育局", "单位：元"];
    expect(reportDepartment(lines)).toBeNull();
    expect(reportDepartment(["项目名称", "储备粮管理", "县级主管部门", "明湖县商务和粮食局", "负责人"])).toBe("明湖县商务和粮食局");
  });

  it("names a county's body by its county when the report does, a district's with its city", () => {
    const county = ["2023年度白沙省青石州明湖县公安局部门决算", "白沙省青石州明湖县公安局", "一、基本情况", "明湖县公安局核定编制40人。"];
    expect(reportDepartment(county)).toBe("明湖县公安局");
    const district = ["2023年度青石市明湖区水利局部门决算", "青石市明湖区水利局", "一、基本情况", "明湖区水利局核定编制40人。"];
    expect(reportDepartment(district)).toBe("青石市明湖区水利局");
    // Without the county form in the text the report's own fuller name stands.
    expect(reportDepartment(county.slice(0, 3))).toBe("白沙省青石州明湖县公安局");
  });

  it("reads a 实施单位及负责人 field, a project 公示 title and a paragraph describing the body", () => {
    expect(reportDepartment(["青石职业技术学院项目情况公示", "一、实施单位及负责人", "青石职业技术学院 张三", "二、绩效目标"])).toBe("青石职业技术学院");
    expect(reportDepartment(["项目绩效自评报告", "一、项目基本情况", "青石市明湖区科学技术局主要职能是组织科技计划项目。"])).toBe("青石市明湖区科学技术局");
    // A name passing by in a sentence is still not enough.
    expect(reportDepartment(["项目绩效自评报告", "一、项目基本情况", "青石市明湖区科学技术局下达资金20万元。"])).toBeNull();
  });

  it("takes the line under a 关于…的报告 sent up for its addressee, and a title cited in a sentence for no cover", () => {
    const up = ["关于上报2023年残疾军人护理费项目", "支出绩效自评的报告", "青石州退役军人事务局", "来源: 明湖市退役军人事务局", "一、基本概况"];
    expect(reportDepartment(up)).toBe("明湖市退役军人事务局");
    const cited = ["项目支出绩效自评", "青石州财政局", "根据《青石州财政局关于开展绩效自评工作的通知》要求,现将自评报告如下", "来源: 明湖市水利局"];
    expect(reportDepartment(cited)).toBe("明湖市水利局");
  });

  it("is null rather than a fragment when nothing names a unit", () => {
    expect(reportDepartment(["2023年县财政共下达我局资金80万元，用于仓储基地建设。", "单位：万元", "年初预算 全年预算 全年执行"])).toBeNull();
    // A bare 来源 line without a place could be any county's bureau.
    expect(reportDepartment(["来源: 林业局 发布时间: 2023-06-12", "一、绩效目标分解下达情况"])).toBeNull();
  });

  it("reads the department of a whole report through the pipeline, with site chrome and 来源 lines around it", () => {
    const report = analyze(
      docFromLines([
        "首页 > 政务公开 > 预算绩效管理",
        "来源: 青石市明湖区水利局 发布时间: 2024-03-01",
        "预算绩效管理青石市明湖区水利局2023年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "青石市明湖区水利局(以下简称“区水利局”)核定编制20人。",
      ]),
    );
    expect(report.department).toBe("青石市明湖区水利局");
  });
});

describe("a title that names its body under a bare level", () => {
  it("supports the one fuller name another line gives (自治区X厅 in the title, the region's X厅 in the byline)", () => {
    expect(reportDepartment(["自治区文化和旅游厅关于2021年度中央转移支付专项资金绩效自评的报告", "东河壮族自治区文化和旅游厅 | 2022-12-30"])).toBe("东河壮族自治区文化和旅游厅");
    expect(reportDepartment(["县林业局关于2022年度项目支出绩效自评的报告", "东河县林业局", "根据有关要求，现将自评情况报告如下。"])).toBe("东河县林业局");
  });
  it("reads a 发布机构 line's short form the same way", () => {
    expect(reportDepartment(["发布机构 区交通运输局 发文日期 2022-08-05", "2021年乡村道路项目专项资金绩效自评报告", "东河市西湖区交通运输局对该项目进行了自评。"])).toBe("东河市西湖区交通运输局");
  });
  it("reads no office named without its place, however many lines agree on it", () => {
    expect(reportDepartment(["医疗救助补助资金转移支付项目绩效目标自评表", "主管部门", "医疗保障局", "实施单位", "医疗保障局"])).toBeNull();
  });
  it("names no body alone", () => {
    expect(reportDepartment(["自治区文化和旅游厅关于2021年度中央转移支付专项资金绩效自评的报告", "现报告如下。"])).toBeNull();
    expect(reportDepartment(["县林业局关于2022年度项目支出绩效自评的报告", "根据有关要求，现将自评情况报告如下。"])).toBeNull();
  });
});

describe("a township named by its place alone", () => {
  it("is the unit of its own disclosure: the subject of the disclosure sentence, or the 发布机构 line", () => {
    expect(reportDepartment(["按照区政府关于信息公开的要求，现将明湖区柳溪镇2022年度“三公”经费决算情况公布如下：", "2022年度“三公”经费12.5万元。"])).toBe("明湖区柳溪镇");
    expect(reportDepartment(["发布机构", "明湖区云岭乡", "2021年“三公”经费情况说明", "2021年度“三公”经费8万元。"])).toBe("明湖区云岭乡");
  });
  it("joins its government where another source names it", () => {
    expect(reportDepartment(["青石市明湖区柳溪镇2021年度部门预算项目支出绩效自评报告", "来源:青石市明湖区柳溪镇人民政府 发布时间:2022-05-19"])).toBe("青石市明湖区柳溪镇人民政府");
  });
  it("is never read from a town mentioned in passing, nor from words for all towns", () => {
    expect(reportDepartment(["2022年度道路养护项目绩效自评报告", "项目位于明湖区柳溪镇，2022年完成道路养护12公里。"])).toBeNull();
    expect(reportDepartment(["经汇总，全镇2022年度“三公”经费支出合计40万元。"])).toBeNull();
    expect(reportDepartment(["现将各乡镇2022年度“三公”经费决算情况公布如下："])).toBeNull();
  });
});

describe("an autonomous county's short form", () => {
  it("names the same body as the official name, which is kept", () => {
    expect(fullerForm("白岭县文化馆", "白岭苗族侗族自治县文化馆")).toBe("白岭苗族侗族自治县文化馆");
    expect(fullerForm("青川州财政局", "青川土家族苗族自治州财政局")).toBe("青川土家族苗族自治州财政局");
    expect(fullerForm("白岭县文化馆", "白岭苗族侗族自治县图书馆")).toBeNull();
    expect(reportDepartment(["白岭县文化馆2023年度部门整体支出绩效自评报告", "部门名称(公章):白岭苗族侗族自治县文化馆", "白岭县文化馆2023年度部门整体支出绩效自评报告"])).toBe("白岭苗族侗族自治县文化馆");
  });
});

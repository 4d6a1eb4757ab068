<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BandsBrowser</name>
    <message>
        <source>assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>your segment</source>
        <translation>你的细分</translation>
    </message>
    <message>
        <source>top of the scale</source>
        <translation>刻度上限</translation>
    </message>
    <message>
        <source> a month</source>
        <translation> /月</translation>
    </message>
    <message>
        <source> a year</source>
        <translation> /年</translation>
    </message>
    <message>
        <source>Benchmark bands</source>
        <translation>基准薪资带</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Figures from the articles</source>
        <translation>文章中的数字</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>To</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>锚点</translation>
    </message>
    <message>
        <source>market context</source>
        <translation>市场背景</translation>
    </message>
</context>
<context>
    <name>CandidatePanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>招聘类型</translation>
    </message>
    <message>
        <source>Role family</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Current pay / year</source>
        <translation>当前年薪</translation>
    </message>
    <message>
        <source>experienced hires</source>
        <translation>社招填写</translation>
    </message>
    <message>
        <source>Rent deduction / month</source>
        <translation>住房租金扣除/月</translation>
    </message>
    <message>
        <source>Elderly support / month</source>
        <translation>赡养老人扣除/月</translation>
    </message>
    <message>
        <source>Children in education</source>
        <translation>子女教育（人数）</translation>
    </message>
    <message>
        <source>Children under three</source>
        <translation>三岁以下婴幼儿（人数）</translation>
    </message>
    <message>
        <source>Mortgage interest</source>
        <translation>住房贷款利息</translation>
    </message>
    <message>
        <source>Continuing education</source>
        <translation>继续教育</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>保存为 SVG…</translation>
    </message>
    <message>
        <source>Add an offer to see charts.</source>
        <translation>添加一个 offer 即可查看图表。</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Could not save the chart: %1</source>
        <translation>无法保存图表：%1</translation>
    </message>
    <message>
        <source>Market position (estimated distribution)</source>
        <translation>市场位置（估计分布）</translation>
    </message>
    <message>
        <source>Master's vs PhD bands</source>
        <translation>硕士与博士档位</translation>
    </message>
    <message>
        <source>Pay composition: year 1 and steady state</source>
        <translation>薪酬构成：首年与常规年份</translation>
    </message>
    <message>
        <source>Four-year cumulative pay</source>
        <translation>四年累计收入</translation>
    </message>
    <message>
        <source>Take-home pay</source>
        <translation>税后到手</translation>
    </message>
    <message>
        <source>Charts marked with assumptions say so on the chart; the full list is in the exported summary.</source>
        <translation>含假设的图表会在图上注明；完整列表见导出的汇总报告。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
</context>
<context>
    <name>CityTableDialog</name>
    <message>
        <source>City table: social insurance and housing fund</source>
        <translation>城市表：社保与公积金</translation>
    </message>
    <message>
        <source>Contribution bases (yuan a month) and employee rates per city. Edit a cell to correct a figure; your edits are kept in your data folder and the shipped table stays unchanged. Rows marked “not verified” are assumptions.</source>
        <translation>各城市的缴费基数（元/月）和个人缴费比例。编辑单元格即可修正数字；修改保存在你的数据文件夹中，内置表格保持不变。标为“未核实”的行是假设。</translation>
    </message>
    <message>
        <source>Reset selected rows to shipped figures</source>
        <translation>将所选行恢复为内置数字</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Social base, lower</source>
        <translation>社保基数下限</translation>
    </message>
    <message>
        <source>Social base, upper</source>
        <translation>社保基数上限</translation>
    </message>
    <message>
        <source>Housing base, lower</source>
        <translation>公积金基数下限</translation>
    </message>
    <message>
        <source>Housing base, upper</source>
        <translation>公积金基数上限</translation>
    </message>
    <message>
        <source>Pension</source>
        <translation>养老</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <source>Unemployment</source>
        <translation>失业</translation>
    </message>
    <message>
        <source>Housing rate, min</source>
        <translation>公积金比例下限</translation>
    </message>
    <message>
        <source>Housing rate, max</source>
        <translation>公积金比例上限</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Not verified: an assumption</source>
        <translation>未核实：属于假设</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Green: the best value in the row. Grey lines: the gap to the best.</source>
        <translation>绿色：该行最优值。灰色行：与最优值的差距。</translation>
    </message>
    <message numerus="yes">
        <source>Comparing the %n selected offer(s).</source>
        <translation>
            <numerusform>正在比较选中的 %n 个 offer。</numerusform>
        </translation>
    </message>
    <message>
        <source>Total, year 1</source>
        <translation>总额，第一年</translation>
    </message>
    <message>
        <source>Total, normal year</source>
        <translation>总额，常规年份</translation>
    </message>
    <message>
        <source>Guaranteed cash (a year)</source>
        <translation>保底现金（每年）</translation>
    </message>
    <message>
        <source>Performance-dependent (a year)</source>
        <translation>绩效相关（每年）</translation>
    </message>
    <message>
        <source>One-off (year 1)</source>
        <translation>一次性（第一年）</translation>
    </message>
    <message>
        <source>Equity (average year)</source>
        <translation>股票（年均）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Percentile (estimate)</source>
        <translation>百分位（估计）</translation>
    </message>
    <message>
        <source>Warnings and risks</source>
        <translation>警告与风险</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>雇主类型</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation>答复截止日期</translation>
    </message>
    <message>
        <source>Comparing all offers. Select two or more in the table (Ctrl+click) to compare only those.</source>
        <translation>正在比较全部 offer。在表格中选择两个或更多（Ctrl+单击）可只比较所选。</translation>
    </message>
    <message>
        <source>Add at least two offers to compare them.</source>
        <translation>至少添加两个 offer 才能比较。</translation>
    </message>
    <message>
        <source>Take-home, year 1</source>
        <translation>税后到手，第一年</translation>
    </message>
    <message>
        <source>Take-home, normal year</source>
        <translation>税后到手，常规年份</translation>
    </message>
    <message>
        <source>Housing-fund wallet (a year)</source>
        <translation>公积金账户（每年）</translation>
    </message>
    <message>
        <source>Effective hourly pay</source>
        <translation>实际时薪</translation>
    </message>
    <message>
        <source>Best in this row</source>
        <translation>该行最优</translation>
    </message>
    <message>
        <source>−%1 vs best</source>
        <translation>比最优少 %1</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Weights (renormalised to 100 %)</source>
        <translation>权重（归一化为 100%）</translation>
    </message>
    <message>
        <source>Your own criterion, e.g. Team</source>
        <translation>自定义标准，例如：团队</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <source>Annual raise in years 2–4 (assumption):</source>
        <translation>第 2–4 年年度涨幅（假设）：</translation>
    </message>
    <message>
        <source>Weigh take-home pay instead of gross</source>
        <translation>按税后到手而非税前计算</translation>
    </message>
    <message>
        <source>Scores 1–5 (pay computed, the rest yours; – = not scored, counts as 3)</source>
        <translation>评分 1–5（薪酬自动计算，其余由你打分；– 表示未评分，按 3 计）</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Score (of 5)</source>
        <translation>得分（满分 5）</translation>
    </message>
    <message>
        <source>Assumptions: </source>
        <translation>假设：</translation>
    </message>
    <message>
        <source>Remove this criterion</source>
        <translation>删除此标准</translation>
    </message>
    <message>
        <source>Computed from the offers (min–max across them)</source>
        <translation>根据各 offer 计算（取最小–最大值）</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Base × guaranteed months</source>
        <translation>月薪 × 保底月数</translation>
    </message>
    <message>
        <source>Base × performance months</source>
        <translation>月薪 × 绩效月数</translation>
    </message>
    <message>
        <source>Package, guaranteed share</source>
        <translation>年包，保底部分</translation>
    </message>
    <message>
        <source>Package, performance share</source>
        <translation>年包，绩效部分</translation>
    </message>
    <message>
        <source>Allowances</source>
        <translation>补贴</translation>
    </message>
    <message>
        <source>Annual bonus</source>
        <translation>年度奖金</translation>
    </message>
    <message>
        <source>Equity, average year</source>
        <translation>股票，年均</translation>
    </message>
    <message>
        <source>Steady-state cash package (tier basis)</source>
        <translation>常规年份现金年包（定档依据）</translation>
    </message>
    <message>
        <source>Sign-on bonus</source>
        <translation>签字费</translation>
    </message>
    <message>
        <source>Equity vesting in year 1</source>
        <translation>第一年归属的股票</translation>
    </message>
    <message>
        <source>First-year total</source>
        <translation>第一年总额</translation>
    </message>
    <message>
        <source>Steady-state total</source>
        <translation>常规年份总额</translation>
    </message>
    <message>
        <source>year 1 only</source>
        <translation>仅第一年</translation>
    </message>
    <message>
        <source>guaranteed</source>
        <translation>保底</translation>
    </message>
    <message>
        <source>target, depends on performance</source>
        <translation>目标值，取决于绩效</translation>
    </message>
    <message>
        <source>after the cliff</source>
        <translation>在 cliff 之后</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export decision summary</source>
        <translation>导出决策摘要</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>正在写入文档…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Add at least one offer before exporting a decision summary.</source>
        <translation>请先添加至少一个 offer，再导出决策摘要。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>FlagLabel</name>
    <message>
        <source>Source of this flag</source>
        <translation>此提示的来源</translation>
    </message>
    <message>
        <source>No source quote: this flag follows from the offer itself.</source>
        <translation>无来源引文：此提示直接来自 offer 本身。</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Source: %1

“%2”</source>
        <translation>来源：%1

“%2”</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>雇主类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>Offer kind</source>
        <translation>Offer 类型</translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation>答复截止日期</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Monthly base (月薪)</source>
        <translation>月薪</translation>
    </message>
    <message>
        <source>Paid months</source>
        <translation>发薪月数</translation>
    </message>
    <message>
        <source>Paid months, high end</source>
        <translation>发薪月数（上限）</translation>
    </message>
    <message>
        <source>Guaranteed months</source>
        <translation>保底月数</translation>
    </message>
    <message>
        <source>Annual package (年包)</source>
        <translation>年包</translation>
    </message>
    <message>
        <source>Package, high end</source>
        <translation>年包（上限）</translation>
    </message>
    <message>
        <source>Sign-on bonus</source>
        <translation>签字费</translation>
    </message>
    <message>
        <source>Sign-on claw-back (months)</source>
        <translation>签字费追回期（月）</translation>
    </message>
    <message>
        <source>Other annual bonus</source>
        <translation>其他年度奖金</translation>
    </message>
    <message>
        <source>Bonus is guaranteed</source>
        <translation>奖金有保底</translation>
    </message>
    <message>
        <source>Allowances per month</source>
        <translation>每月补贴</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股票</translation>
    </message>
    <message>
        <source>Grant value</source>
        <translation>授予价值</translation>
    </message>
    <message>
        <source>Vesting years</source>
        <translation>归属年数</translation>
    </message>
    <message>
        <source>Vesting shares</source>
        <translation>归属比例</translation>
    </message>
    <message>
        <source>Cliff (months)</source>
        <translation>Cliff（月）</translation>
    </message>
    <message>
        <source>Equity kind</source>
        <translation>股票类型</translation>
    </message>
    <message>
        <source>Talent programme</source>
        <translation>人才计划</translation>
    </message>
    <message>
        <source>Tier HR named</source>
        <translation>HR 所说档位</translation>
    </message>
    <message>
        <source>Non-compete clause</source>
        <translation>竞业限制条款</translation>
    </message>
    <message>
        <source>Hukou (户口)</source>
        <translation>户口</translation>
    </message>
    <message>
        <source>Work schedule</source>
        <translation>工作制</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>每周工时</translation>
    </message>
    <message>
        <source>Breach penalty (违约金)</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Housing-fund rate</source>
        <translation>公积金比例</translation>
    </message>
    <message>
        <source>Probation (months)</source>
        <translation>试用期（月）</translation>
    </message>
    <message>
        <source>Probation pay</source>
        <translation>试用期工资比例</translation>
    </message>
    <message>
        <source>First year-end bonus</source>
        <translation>第一次年终奖</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Big tech company</source>
        <translation>大厂</translation>
    </message>
    <message>
        <source>AI start-up / unicorn</source>
        <translation>AI 创业公司 / 独角兽</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>创业公司</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国企</translation>
    </message>
    <message>
        <source>Foreign company</source>
        <translation>外企</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Two-day weekend (双休)</source>
        <translation>双休</translation>
    </message>
    <message>
        <source>Alternating weekends (大小周)</source>
        <translation>大小周</translation>
    </message>
    <message>
        <source>One-day weekend (单休)</source>
        <translation>单休</translation>
    </message>
    <message>
        <source>Custom hours per week</source>
        <translation>自定义每周工时</translation>
    </message>
    <message>
        <source>Formal offer</source>
        <translation>正式 offer</translation>
    </message>
    <message>
        <source>Letter of intent (意向书)</source>
        <translation>意向书</translation>
    </message>
    <message>
        <source>Below standard</source>
        <translation>低于白菜</translation>
    </message>
    <message>
        <source>Standard (白菜)</source>
        <translation>白菜</translation>
    </message>
    <message>
        <source>SP</source>
        <translation>SP</translation>
    </message>
    <message>
        <source>SSP</source>
        <translation>SSP</translation>
    </message>
    <message>
        <source>Pro-rated</source>
        <translation>按比例发放</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>全额发放</translation>
    </message>
    <message>
        <source>Not paid in year 1</source>
        <translation>第一年不发</translation>
    </message>
    <message>
        <source>RSU (listed shares)</source>
        <translation>RSU（上市公司股票）</translation>
    </message>
    <message>
        <source>Options (private company)</source>
        <translation>期权（非上市公司）</translation>
    </message>
    <message>
        <source>Bachelor's</source>
        <translation>本科</translation>
    </message>
    <message>
        <source>Master's</source>
        <translation>硕士</translation>
    </message>
    <message>
        <source>PhD</source>
        <translation>博士</translation>
    </message>
    <message>
        <source>Campus hire (校招)</source>
        <translation>校招</translation>
    </message>
    <message>
        <source>Experienced hire (社招)</source>
        <translation>社招</translation>
    </message>
    <message>
        <source>Large-model research</source>
        <translation>大模型研究</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Software engineering</source>
        <translation>软件开发</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clearing…</source>
        <translation>正在清除…</translation>
    </message>
    <message>
        <source>Keeping…</source>
        <translation>正在保留…</translation>
    </message>
    <message>
        <source>Clearing the example as soon as the portfolio has loaded…</source>
        <translation>组合加载完成后将立即清除示例…</translation>
    </message>
    <message>
        <source>Keeping the example as your own as soon as the portfolio has loaded…</source>
        <translation>组合加载完成后将立即把示例保留为你自己的组合…</translation>
    </message>
    <message>
        <source>The portfolio that loaded is not the example, so it was left as it is.</source>
        <translation>加载的组合不是示例，因此保持原样。</translation>
    </message>
    <message>
        <source>Example cleared. Undo brings it back.</source>
        <translation>示例已清除。撤销可恢复。</translation>
    </message>
    <message>
        <source>The example is now your own portfolio.</source>
        <translation>示例现已成为你自己的组合。</translation>
    </message>
    <message>
        <source>Interface language: %1</source>
        <translation>界面语言：%1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n offer(s).</source>
        <translation>
            <numerusform>已导入 %n 个 offer。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;New portfolio…</source>
        <translation>新建组合(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import offers…</source>
        <translation>导入 offer(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;City table…</source>
        <translation>城市表(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add offer</source>
        <translation>添加 offer(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;uplicate offer</source>
        <translation>复制 offer(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete offer</source>
        <translation>删除 offer(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About OfferLens</source>
        <translation>关于 OfferLens(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Data sources</source>
        <translation>数据来源(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Clear example</source>
        <translation>清除示例</translation>
    </message>
    <message>
        <source>Keep as my own</source>
        <translation>保留为我的数据</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offer 列表</translation>
    </message>
    <message>
        <source>No offers yet. Use Edit → Add offer (Ctrl+Shift+N) and type the pay in quick entry, e.g. 35k*16 + 签字费10w.</source>
        <translation>还没有 offer。使用 编辑 → 添加 offer（Ctrl+Shift+N），在快速输入中填写薪资，例如 35k*16 + 签字费10w。</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>薪资带</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Who is deciding: tiers and percentiles are judged against the segment for this degree and role family; take-home uses these deductions.</source>
        <translation>谁在做决定：档位和百分位按此学历和岗位类别所在细分判断；税后到手使用这些扣除项。</translation>
    </message>
    <message>
        <source>Candidate profile</source>
        <translation>候选人资料</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>the new offer</source>
        <translation>新 offer</translation>
    </message>
    <message>
        <source> (copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <source>Duplicate offer</source>
        <translation>复制 offer</translation>
    </message>
    <message>
        <source>Keep example as my own</source>
        <translation>将示例保留为我的数据</translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation>打开组合</translation>
    </message>
    <message>
        <source>About OfferLens</source>
        <translation>关于 OfferLens</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>This is an example portfolio drawn from the stories in the source articles (2024). Clear it to start with your own offers, or keep it and edit it.</source>
        <translation>这是根据来源文章（2024）中的故事整理的示例组合。清除后可录入你自己的 offer，也可以保留并修改。</translation>
    </message>
    <message>
        <source>About your portfolio file:</source>
        <translation>关于你的组合文件：</translation>
    </message>
    <message>
        <source>Fix the highlighted fields to see the verdict.</source>
        <translation>修正标出的字段后即可查看评估结果。</translation>
    </message>
    <message>
        <source>New portfolio</source>
        <translation>新建组合</translation>
    </message>
    <message>
        <source>Save portfolio as</source>
        <translation>组合另存为</translation>
    </message>
    <message>
        <source>Import offers</source>
        <translation>导入 offer</translation>
    </message>
    <message>
        <source>Portfolio or CSV (*.offerlens.json *.json *.csv)</source>
        <translation>组合文件或 CSV (*.offerlens.json *.json *.csv)</translation>
    </message>
    <message>
        <source>City table saved.</source>
        <translation>城市表已保存。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every figure OfferLens shows cites one of these 2024 articles with a verbatim quote (see the Bands tab). Figures the articles do not give are marked as assumptions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;OfferLens 显示的每个数字都逐字引用了以下 2024 年文章之一（见“薪资带”标签页）。文章中没有的数字均标为假设。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your changes could not be saved. Quit anyway and lose them?</source>
        <translation>你的修改无法保存。仍然退出并丢失这些修改吗？</translation>
    </message>
    <message>
        <source>Edit candidate profile</source>
        <translation>编辑候选人资料</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Changes to %1 were not saved: they had errors.</source>
        <translation>对 %1 的修改未保存：存在错误。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Deleted %1. Undo brings it back.</source>
        <translation>已删除 %1。撤销可恢复。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export is not available in this build.</source>
        <translation>此版本中无法导出。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OfferLens %1&lt;/h3&gt;&lt;p&gt;Compare job offers from China's 2024 tech market: tiers, percentiles, take-home pay and cited benchmarks.&lt;/p&gt;&lt;p&gt;Offline and private: your offers never leave this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OfferLens %1&lt;/h3&gt;&lt;p&gt;比较 2024 年中国科技行业的 offer：档位、百分位、税后到手和有出处的基准数据。&lt;/p&gt;&lt;p&gt;离线且私密：你的 offer 不会离开这台电脑。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Change decision settings</source>
        <translation>修改决策设置</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The offer being edited has errors and cannot be saved. Quit and discard those changes?</source>
        <translation>正在编辑的 offer 有错误，无法保存。退出并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>This view is not available in this build (%1).</source>
        <translation>此版本中无法使用该视图（%1）。</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
</context>
<context>
    <name>OfferEditor</name>
    <message>
        <source>Quick entry</source>
        <translation>快速输入</translation>
    </message>
    <message>
        <source>e.g. 35k*16 + 签字费10w</source>
        <translation>例如 35k*16 + 签字费10w</translation>
    </message>
    <message>
        <source>Quick entry understands: 35k*16 (monthly base × paid months), 18k*(14-16), 50w (annual package), 签字费10w or 10w签字费 (sign-on), 年终奖3个月 (a year-end bonus in months on top of the paid months), 年终奖5w, 股票40w/4年 (equity), 房补1500/月 (allowance), 公积金12% (housing fund), 保底13薪 (guaranteed months). Separate items with + or a comma.</source>
        <translation>快速输入可识别：35k*16（月薪 × 薪数）、18k*(14-16)、50w（年包）、签字费10w 或 10w签字费（签字费）、年终奖3个月（在薪数之上另加的年终奖月数）、年终奖5w、股票40w/4年（股票）、房补1500/月（补贴）、公积金12%（公积金比例）、保底13薪（保底薪数）。各项之间用 + 或逗号分隔。</translation>
    </message>
    <message>
        <source>Fill form</source>
        <translation>填入表单</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>e.g. Beijing / 北京</source>
        <translation>例如 北京 / Beijing</translation>
    </message>
    <message>
        <source>e.g. P6, 2-1</source>
        <translation>例如 P6、2-1</translation>
    </message>
    <message>
        <source>yuan per month</source>
        <translation>元/月</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>when no monthly split is known</source>
        <translation>不知道月薪拆分时填写</translation>
    </message>
    <message>
        <source>yuan, whole grant</source>
        <translation>元，整笔授予</translation>
    </message>
    <message>
        <source>e.g. 25, 25, 25, 25 (even when empty)</source>
        <translation>例如 25, 25, 25, 25（留空则平均）</translation>
    </message>
    <message>
        <source>e.g. 天才少年 Genius Youth</source>
        <translation>例如 天才少年</translation>
    </message>
    <message>
        <source>— not said —</source>
        <translation>— 未说明 —</translation>
    </message>
    <message>
        <source>— unknown —</source>
        <translation>— 未知 —</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>提供</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>不提供</translation>
    </message>
    <message>
        <source>only for a custom schedule</source>
        <translation>仅自定义工时填写</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股票</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Take-home settings</source>
        <translation>到手计算设置</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>新 offer</translation>
    </message>
    <message>
        <source>Add offer</source>
        <translation>添加 offer</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before this can be saved</source>
        <translation>
            <numerusform>还有 %n 个问题需修正后才能保存</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes not applied yet</source>
        <translation>修改尚未应用</translation>
    </message>
    <message>
        <source>Understood: %1</source>
        <translation>已识别：%1</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>请确认：%1</translation>
    </message>
    <message>
        <source>Not understood: %1</source>
        <translation>无法识别：%1</translation>
    </message>
</context>
<context>
    <name>OffersTableModel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>第一年</translation>
    </message>
    <message>
        <source>Steady state</source>
        <translation>常规年份</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>距%2还差 %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Money is shown in 万 in Chinese and in thousands (k) in English.</source>
        <translation>中文界面金额以“万”显示，英文界面以千（k）显示。</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>must be between %1 and %2</source>
        <translation>须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>must be more than %1</source>
        <translation>须大于 %1</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>须为整数</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>须为数字</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>须为有限数字</translation>
    </message>
    <message>
        <source>must be a date such as 2024-09-01</source>
        <translation>须为日期，例如 2024-09-01</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>包含控制字符</translation>
    </message>
    <message>
        <source>enter a monthly base (月薪) or an annual package (年包)</source>
        <translation>请填写月薪或年包</translation>
    </message>
    <message>
        <source>guaranteed months (%1) exceed paid months (%2)</source>
        <translation>保底月数（%1）超过发薪月数（%2）</translation>
    </message>
    <message>
        <source>the high end of the month range is below the low end</source>
        <translation>月数区间的上限低于下限</translation>
    </message>
    <message>
        <source>the high end of the package range is below the low end</source>
        <translation>年包区间的上限低于下限</translation>
    </message>
    <message>
        <source>enter hours per week for a custom schedule</source>
        <translation>自定义工作制请填写每周工时</translation>
    </message>
    <message>
        <source>vesting shares must sum to 100 %</source>
        <translation>归属比例之和须为 100%</translation>
    </message>
    <message>
        <source>the vesting schedule has %1 years but the grant vests over %2</source>
        <translation>归属计划有 %1 年，但授予期为 %2 年</translation>
    </message>
    <message>
        <source>rent and mortgage-interest deductions cannot both be claimed</source>
        <translation>住房租金与住房贷款利息扣除不能同时享受</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Verdict</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <source>Fill in the offer to see its verdict.</source>
        <translation>填写 offer 即可查看评估结果。</translation>
    </message>
    <message>
        <source>Take-home (税后到手)</source>
        <translation>税后到手</translation>
    </message>
    <message>
        <source>How this was computed</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <source>Tier boundaries are derived from cited anchors (assumption).</source>
        <translation>档位边界由有引用的锚点推导（假设）。</translation>
    </message>
    <message>
        <source>Year 1</source>
        <translation>第一年</translation>
    </message>
    <message>
        <source>Normal year</source>
        <translation>常规年份</translation>
    </message>
    <message>
        <source>First 12 months</source>
        <translation>入职后 12 个月</translation>
    </message>
    <message>
        <source>First 12 months from %1, with probation pay and the first year-end bonus as the offer pays them</source>
        <translation>自 %1 起的 12 个月，按 offer 约定计入试用期工资和第一笔年终奖</translation>
    </message>
    <message>
        <source>Effective hourly pay</source>
        <translation>实际时薪</translation>
    </message>
    <message>
        <source>bonus taxed separately (cheaper)</source>
        <translation>年终奖单独计税（更省）</translation>
    </message>
    <message>
        <source>bonus merged into annual income (cheaper)</source>
        <translation>年终奖并入综合所得（更省）</translation>
    </message>
    <message>
        <source>Pay by year</source>
        <translation>按年薪酬</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Tiers apply to campus offers only.</source>
        <translation>档位仅适用于校招 offer。</translation>
    </message>
    <message>
        <source>Highest tier</source>
        <translation>最高档</translation>
    </message>
    <message>
        <source>judged on %1 a year of cash</source>
        <translation>按每年现金 %1 判断</translation>
    </message>
    <message>
        <source>Talent programme named in the offer.</source>
        <translation>offer 中注明了人才计划。</translation>
    </message>
    <message>
        <source>Indicative: your role family is outside the cited segments (assumption).</source>
        <translation>仅供参考：你的岗位类别不在有引用的细分内（假设）。</translation>
    </message>
    <message>
        <source>No percentile for experienced hires: the articles give no distribution.</source>
        <translation>社招没有百分位：文章未给出分布。</translation>
    </message>
    <message>
        <source>Guaranteed cash</source>
        <translation>保底现金</translation>
    </message>
    <message>
        <source>Performance-dependent</source>
        <translation>绩效相关</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股票</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Gross cash</source>
        <translation>税前现金</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社保</translation>
    </message>
    <message>
        <source>Housing fund, your share</source>
        <translation>公积金（个人部分）</translation>
    </message>
    <message>
        <source>Income tax</source>
        <translation>个人所得税</translation>
    </message>
    <message>
        <source>Net cash (到手)</source>
        <translation>到手现金</translation>
    </message>
    <message>
        <source>Housing-fund wallet (both shares)</source>
        <translation>公积金账户（个人+单位）</translation>
    </message>
    <message>
        <source>%1 h/week</source>
        <translation>每周 %1 小时</translation>
    </message>
    <message>
        <source>(assumed)</source>
        <translation>（假设）</translation>
    </message>
    <message>
        <source>city figures are an assumption</source>
        <translation>城市数据为假设</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>无提示。</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>评估结果：%1</translation>
    </message>
    <message>
        <source>City: %1</source>
        <translation>城市：%1</translation>
    </message>
    <message>
        <source>Take-home, year 1</source>
        <translation>税后到手，第一年</translation>
    </message>
    <message>
        <source>Take-home, normal year</source>
        <translation>税后到手，常规年份</translation>
    </message>
    <message>
        <source>At the edge of %1</source>
        <translation>已到%1边缘</translation>
    </message>
    <message>
        <source>HR called it %1.</source>
        <translation>HR 称其为%1。</translation>
    </message>
    <message>
        <source>Estimated percentile: &lt;b&gt;P%1&lt;/b&gt; in its segment</source>
        <translation>估计百分位：细分内 &lt;b&gt;P%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>%1 more a year to reach %2</source>
        <translation>每年再多 %1 可达到%2</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>no tier (experienced)</source>
        <translation>无档位（社招）</translation>
    </message>
</context>
</TS>

// The page's only style sheet, inlined: the report is read offline, attached to an audit.
export const REPORT_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; max-width: 1260px; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.verdict { display: inline-block; padding: .1rem .6rem; border-radius: .3rem; color: #fff; font-weight: 600; }
.verdict.passed { background: #1f7a3a; } .verdict.failed { background: #b3261e; } .verdict.over-budget { background: #b35c00; }
.meta { color: #555; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
svg .section { font-weight: 700; }
.axis { stroke: #999; } .grid { stroke: #e3e3e3; } svg .panel { font-weight: 700; }
.bar.planned { fill: #b8c4d6; } .bar.planned.critical { fill: #4a5f85; }
.bar.actual.passed { fill: #2f8f4e; } .bar.actual.failed { fill: #b3261e; } .bar.actual.skipped { fill: #bbb; }
.bar.actual.overrun { fill: #d93025; stroke: #7f0000; }
.bar.setup, .bar.other { fill: #8e7cc3; }
.legend span { margin-right: 1rem; } .legend i { display: inline-block; width: 1rem; height: .6rem; margin-right: .3rem; }
.gauge-track { fill: #e6e6e6; } .gauge-fill { fill: #2f8f4e; } .gauge-fill.overrun { fill: #d93025; }
.overrun-text, .slow td, .failure { color: #b3261e; }
.warning { color: #8a5300; }
table { border-collapse: collapse; margin: .5rem 0; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; }
.task-detail { margin: 1rem 0; } .task-detail h3 { margin: 0 0 .3rem; font-size: 1rem; }
pre { white-space: pre-wrap; margin: .2rem 0; font-size: 12px; }
.total-line { fill: none; stroke: #4a5f85; stroke-width: 2; } .budget-line { stroke: #d93025; stroke-dasharray: 4 3; }
circle.run.passed { fill: #2f8f4e; } circle.run.failed { fill: #b3261e; } circle.run.over-budget { fill: #b35c00; }
`;

/** The CSS of every report page: system fonts, tables, and the classes the chart helpers use. */
export const PAGE_STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1020px;color:#222;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.headline{font-size:1.05rem;background:#f3f7fb;border-left:4px solid #0072B2;padding:.6rem .9rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{padding:.2rem .8rem;border-bottom:1px solid #eee;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
svg .title{font-weight:600;font-size:13px}svg .tick,svg .legend,svg .cell{font-size:11px}svg .label{font-size:12px}
svg .grid{stroke:#e6e6e6}svg .frame{fill:none;stroke:#999}figure{margin:0}figcaption{color:#555;font-size:.9rem;max-width:760px}
.muted{color:#666}tr.best td{font-weight:600;background:#f3f7fb}table.data th{border-bottom:2px solid #ccc}
svg .contour{opacity:.9}.charts figure{flex:0 0 auto}`;

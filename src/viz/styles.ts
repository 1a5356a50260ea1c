/**
 * The stylesheet shared by the report and the dashboard for maps, charts, figures and tables:
 * calm typography, tabular figures, and print rules for A4 in grey scale (no interactive-only
 * content, figures kept whole on a page).
 */

export const VIZ_CSS = `
.viz-figure {
  margin: 0 0 28px;
  padding: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a;
  max-width: 100%;
}
.viz-figure .viz-title {
  font-size: 16px;
  font-weight: 650;
  line-height: 1.3;
  margin: 0 0 4px;
}
.viz-figure .viz-subtitle {
  font-size: 13px;
  color: #444;
  margin: 0 0 8px;
}
.viz-figure .viz-source {
  font-size: 11.5px;
  color: #555;
  margin: 6px 0 0;
}
.viz-key {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 18px;
  font-size: 12px;
  color: #333;
  margin: 0 0 6px;
  padding: 0;
  list-style: none;
}
.viz-key li { display: inline-flex; align-items: center; gap: 6px; }
.viz-key svg { flex: none; }
.viz-body { max-width: 100%; }
.viz-body svg { display: block; max-width: 100%; height: auto; }
.viz-body-row { display: flex; flex-wrap: nowrap; align-items: flex-start; gap: 0; }
.viz-body-row > svg { flex: 0 1 auto; min-width: 0; }
.viz-body-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 8px 20px; }
.viz-panel h4 { font-size: 13px; font-weight: 600; margin: 4px 0 2px; }
.viz-map { background: #fff; }
.viz-map .viz-crossing:hover .viz-wait,
.viz-map .viz-crossing:focus .viz-wait { stroke-width: 2.5; }
.viz-map .viz-link:hover { stroke-opacity: 0.75; }
.viz-plot { font-variant-numeric: tabular-nums; }
.viz-data { margin-top: 6px; font-size: 12.5px; }
.viz-data > summary {
  cursor: pointer;
  color: #1a4f7a;
  font-size: 12.5px;
}
.viz-data > summary:focus-visible { outline: 2px solid #1a4f7a; outline-offset: 2px; }
.viz-table {
  border-collapse: collapse;
  margin: 6px 0 0;
  font-size: 12.5px;
  font-variant-numeric: tabular-nums;
}
.viz-table caption {
  text-align: left;
  font-weight: 600;
  padding: 0 0 4px;
  color: #333;
}
.viz-table th, .viz-table td {
  padding: 3px 10px 3px 0;
  border-bottom: 1px solid #e3e3e3;
  text-align: left;
  vertical-align: top;
}
.viz-table thead th {
  border-bottom: 1.5px solid #888;
  font-weight: 600;
  color: #333;
}
.viz-table tbody th { font-weight: 500; }
.viz-table .num { text-align: right; white-space: nowrap; }
.viz-note { font-size: 13px; color: #444; }
@media print {
  @page { size: A4; margin: 15mm 14mm; }
  .viz-figure { break-inside: avoid; page-break-inside: avoid; }
  .viz-data { display: none; }
  .viz-figure .viz-title { font-size: 12pt; }
  .viz-figure .viz-source, .viz-key { font-size: 8.5pt; }
  .viz-body svg { max-width: 100%; }
  .viz-table { font-size: 9pt; }
}
`;

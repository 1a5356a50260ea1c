/** Writing the comparison report: the HTML built in a server-side document (linkedom). */
import { parseHTML } from 'linkedom';
import type { CompareResultJson } from '../app/compare.js';
import type { NetworkModel } from '../model/schema.js';
import { compareReport } from '../report/compare-report.js';

export function compareReportHtml(model: NetworkModel, result: CompareResultJson): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  return compareReport(document as never, model, result);
}

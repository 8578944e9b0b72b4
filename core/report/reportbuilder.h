#pragma once

#include "report/reportdata.h"
#include "report/reportdocument.h"

namespace vigil::report {

// The portfolio risk report: summary, charts, supply chain, risk by country and sector, top risks, indicators,
// evidence coverage, recruitment, actions, trend. topRisks: how many suppliers the top-risk table lists.
ReportDocument buildPortfolioReport(const PortfolioData& data, const QString& organisation = {}, int topRisks = 25);

// The supplier due-diligence report: profile, sites, recruiters and corridors, score with its explanation,
// indicators found with sources and dates, evidence gaps, mitigations and corrective actions, fee ledger, history.
ReportDocument buildSupplierReport(const SupplierData& data, const QString& organisation = {});

} // namespace vigil::report

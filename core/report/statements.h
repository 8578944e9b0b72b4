#pragma once

#include "report/reportdata.h"
#include "report/reportdocument.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace vigil::report {

enum class Jurisdiction { UK, AU, CA, DE, EU };

QString jurisdictionId(Jurisdiction j); // "uk", "au", "ca", "de", "eu"
std::optional<Jurisdiction> jurisdictionFromId(const QString& id);
QList<Jurisdiction> allJurisdictions();
QString lawName(Jurisdiction j); // "Modern Slavery Act 2015 (UK), section 54"
QString statementTitle(Jurisdiction j); // "Modern slavery statement"

// One section the law names: its reference, what it asks, how Vigil fills it from the workspace, and what the
// company must write itself (kept in the workspace under key).
struct StatementSectionDef
{
    QString key; // "a", "b" ... "art7" ...: the company text's key for this jurisdiction
    QString reference; // "s54(5)(a)"
    QString title;
    QString asks; // what the law asks, in its words
    QString prompt; // what only the company can write
    std::function<QList<ReportBlock>(const PortfolioData&)> fill;
};

QList<StatementSectionDef> statementSections(Jurisdiction j);

// The keys of texts every statement shares ("organisation", "period").
inline const QString kOrganisationKey = QStringLiteral("organisation");
inline const QString kPeriodKey = QStringLiteral("period");

// Builds the statement: every section the law names, filled from the data, with the company's texts (section key
// -> text; missing texts become marked places to write).
ReportDocument buildStatement(const PortfolioData& data, Jurisdiction j, const QMap<QString, QString>& texts);

} // namespace vigil::report

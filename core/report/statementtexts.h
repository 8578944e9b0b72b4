#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace vigil {
class Database;
}

namespace vigil::report {

// One text the company wrote for a statement section.
struct StatementText
{
    QString jurisdiction; // "uk", "au", "ca", "de", "eu", or "all" for what every statement shares
    QString section; // a section key of the statement template (StatementTemplate::companyKey)
    QString body;
    QDateTime updatedAt;
    QString updatedBy;
};

// The statement texts of a workspace (resources/sql/004_report.sql). Prepared statements; errors are values.
class StatementTexts
{
public:
    explicit StatementTexts(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    // section -> body for one jurisdiction, with the shared ("all") texts merged in under their own keys.
    Result<QMap<QString, QString>> texts(const QString& jurisdiction) const;
    Result<QList<StatementText>> all() const;
    // Saves (or, with an empty body, removes) one text.
    Status setText(const QString& jurisdiction, const QString& section, const QString& body,
                   const QDateTime& at = QDateTime::currentDateTimeUtc());

private:
    Database& m_db;
    QString m_actor;
};

} // namespace vigil::report

#pragma once

#include "model/supplier.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace vigil {

// The remediation cycle of due diligence (OECD step 3 and 6): corrective actions agreed with suppliers, the
// recruitment fees workers paid and what was reimbursed (Employer Pays Principle), and trainings.
// Stored by ActionRepository (resources/sql/008_actions.sql).

enum class ActionStatus { Open, InProgress, ClosedVerified, ClosedNotVerified, Cancelled };

QString actionStatusId(ActionStatus s); // "open", "in_progress", "closed_verified" ...
std::optional<ActionStatus> actionStatusFromId(const QString& id); // also accepts "in progress", "closed-verified"
QString actionStatusLabel(ActionStatus s); // "Open", "In progress", "Closed – verified" ...
QList<ActionStatus> allActionStatuses();
bool isClosed(ActionStatus s); // closed (verified or not) or cancelled

// A corrective action: what finding it answers, who owns it, when it is due and how it was closed.
struct CorrectiveAction
{
    QString id;
    QString supplierId;
    QString siteId; // empty: the supplier as a whole
    QString observationId; // the observation it answers, if any
    QString indicatorId; // the indicator it answers, if any (an indicator id of the methodology)
    QString description;
    QString owner;
    QDate openedOn;
    QDate dueOn; // invalid: no due date agreed
    ActionStatus status = ActionStatus::Open;
    QDate closedOn; // set for closed and cancelled actions
    QString verificationNote; // how the closure was verified; kept out of reports

    // Read-only, filled when read: for lists and reports.
    QString supplierName;
    QString siteName;

    // Open or in progress with a due date before today.
    bool isOverdue(const QDate& today) const;
    // Field name -> text, for the change log and for comparing.
    QList<QPair<QString, QString>> fields() const;
    bool operator==(const CorrectiveAction& o) const { return id == o.id && fields() == o.fields(); }
};

// Recruitment fees paid by a group of workers and what was reimbursed to them: amounts are totals for the group.
// A worker's name or identity number never goes here.
struct FeeEntry
{
    QString id;
    QString supplierId;
    QString recruiterId; // empty when not known
    QString originCountry; // the corridor (ISO 3166-1 alpha-2), empty when not known
    QString destinationCountry;
    QString workerGroup; // e.g. "2025 intake, processing line 2"
    std::optional<int> workers; // how many workers the amounts are for
    double paidAmount = 0;
    double reimbursedAmount = 0;
    QString currency; // ISO 4217
    QDate recordedOn;
    QString evidenceSource; // a source type of the methodology: audit, worker_interview ...
    QString note; // required when more was reimbursed than paid (interest, compensation)

    QString recruiterName; // read-only, filled when read

    double outstanding() const { return paidAmount > reimbursedAmount ? paidAmount - reimbursedAmount : 0.0; }
    QString corridor() const; // "MM → TH", or "" when neither end is known
    QList<QPair<QString, QString>> fields() const;
    bool operator==(const FeeEntry& o) const { return id == o.id && fields() == o.fields(); }
};

enum class TrainingAudience { Staff, Suppliers, Recruiters };
QString audienceId(TrainingAudience a);
std::optional<TrainingAudience> audienceFromId(const QString& id);
QString audienceLabel(TrainingAudience a);

// A training on forced labour, child labour or responsible recruitment.
struct Training
{
    QString id;
    QString supplierId; // empty: an internal training (or one for several suppliers)
    QString topic;
    QDate heldOn;
    int participants = 0;
    TrainingAudience audience = TrainingAudience::Staff;

    QString supplierName; // read-only, filled when read

    QList<QPair<QString, QString>> fields() const;
    bool operator==(const Training& o) const { return id == o.id && fields() == o.fields(); }
};

// Reasons a record cannot be saved, one per field (the field names are the columns: "description", "due_on",
// "paid_amount" ...); empty when valid.
QList<ValidationIssue> validate(const CorrectiveAction& a);
QList<ValidationIssue> validate(const FeeEntry& f);
QList<ValidationIssue> validate(const Training& t);

// True for an active ISO 4217 alphabetic code (Debian iso-codes 4.15), upper case.
bool isIsoCurrency(const QString& code);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::ActionStatus)

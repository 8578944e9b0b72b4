#include "actions/actiontypes.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace vigil {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("vigil::actions", text);
}

QString dateText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString amountText(double v)
{
    return QString::number(v, 'f', 2);
}

bool isCountryCode(const QString& c)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z]{2}$"));
    return c.isEmpty() || re.match(c).hasMatch();
}

} // namespace

QString actionStatusId(ActionStatus s)
{
    switch (s) {
    case ActionStatus::Open:
        return QStringLiteral("open");
    case ActionStatus::InProgress:
        return QStringLiteral("in_progress");
    case ActionStatus::ClosedVerified:
        return QStringLiteral("closed_verified");
    case ActionStatus::ClosedNotVerified:
        return QStringLiteral("closed_not_verified");
    case ActionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<ActionStatus> actionStatusFromId(const QString& id)
{
    QString key = id.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    for (ActionStatus s : allActionStatuses())
        if (actionStatusId(s) == key)
            return s;
    return std::nullopt;
}

QString actionStatusLabel(ActionStatus s)
{
    switch (s) {
    case ActionStatus::Open:
        return tr("Open");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::ClosedVerified:
        return tr("Closed – verified");
    case ActionStatus::ClosedNotVerified:
        return tr("Closed – not verified");
    case ActionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QList<ActionStatus> allActionStatuses()
{
    return {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::ClosedVerified, ActionStatus::ClosedNotVerified,
            ActionStatus::Cancelled};
}

bool isClosed(ActionStatus s)
{
    return s == ActionStatus::ClosedVerified || s == ActionStatus::ClosedNotVerified || s == ActionStatus::Cancelled;
}

bool CorrectiveAction::isOverdue(const QDate& today) const
{
    return !isClosed(status) && dueOn.isValid() && dueOn < today;
}

QList<QPair<QString, QString>> CorrectiveAction::fields() const
{
    return {{QStringLiteral("supplier_id"), supplierId},
            {QStringLiteral("site_id"), siteId},
            {QStringLiteral("observation_id"), observationId},
            {QStringLiteral("indicator"), indicatorId},
            {QStringLiteral("description"), description},
            {QStringLiteral("owner"), owner},
            {QStringLiteral("opened_on"), dateText(openedOn)},
            {QStringLiteral("due_on"), dateText(dueOn)},
            {QStringLiteral("status"), actionStatusId(status)},
            {QStringLiteral("closed_on"), dateText(closedOn)},
            {QStringLiteral("verification_note"), verificationNote}};
}

QString FeeEntry::corridor() const
{
    if (originCountry.isEmpty() && destinationCountry.isEmpty())
        return {};
    const QString unknown = QStringLiteral("?");
    return QStringLiteral("%1 → %2").arg(originCountry.isEmpty() ? unknown : originCountry,
                                         destinationCountry.isEmpty() ? unknown : destinationCountry);
}

QList<QPair<QString, QString>> FeeEntry::fields() const
{
    return {{QStringLiteral("supplier_id"), supplierId},
            {QStringLiteral("recruiter_id"), recruiterId},
            {QStringLiteral("origin_country"), originCountry},
            {QStringLiteral("destination_country"), destinationCountry},
            {QStringLiteral("worker_group"), workerGroup},
            {QStringLiteral("workers"), workers ? QString::number(*workers) : QString()},
            {QStringLiteral("paid_amount"), amountText(paidAmount)},
            {QStringLiteral("reimbursed_amount"), amountText(reimbursedAmount)},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("recorded_on"), dateText(recordedOn)},
            {QStringLiteral("evidence_source"), evidenceSource},
            {QStringLiteral("note"), note}};
}

QString audienceId(TrainingAudience a)
{
    switch (a) {
    case TrainingAudience::Staff:
        return QStringLiteral("staff");
    case TrainingAudience::Suppliers:
        return QStringLiteral("suppliers");
    case TrainingAudience::Recruiters:
        return QStringLiteral("recruiters");
    }
    return {};
}

std::optional<TrainingAudience> audienceFromId(const QString& id)
{
    const QString key = id.trimmed().toLower();
    for (TrainingAudience a : {TrainingAudience::Staff, TrainingAudience::Suppliers, TrainingAudience::Recruiters})
        if (audienceId(a) == key)
            return a;
    return std::nullopt;
}

QString audienceLabel(TrainingAudience a)
{
    switch (a) {
    case TrainingAudience::Staff:
        return tr("Staff");
    case TrainingAudience::Suppliers:
        return tr("Suppliers");
    case TrainingAudience::Recruiters:
        return tr("Recruiters");
    }
    return {};
}

QList<QPair<QString, QString>> Training::fields() const
{
    return {{QStringLiteral("supplier_id"), supplierId},
            {QStringLiteral("topic"), topic},
            {QStringLiteral("held_on"), dateText(heldOn)},
            {QStringLiteral("participants"), QString::number(participants)},
            {QStringLiteral("audience"), audienceId(audience)}};
}

QList<ValidationIssue> validate(const CorrectiveAction& a)
{
    QList<ValidationIssue> issues;
    if (a.supplierId.trimmed().isEmpty())
        issues.append({QStringLiteral("supplier"), tr("Choose the supplier the action is agreed with.")});
    if (a.description.trimmed().isEmpty())
        issues.append({QStringLiteral("description"), tr("Describe the action to take.")});
    if (!a.openedOn.isValid())
        issues.append({QStringLiteral("opened_on"), tr("Enter the date the action was opened (YYYY-MM-DD).")});
    if (a.dueOn.isValid() && a.openedOn.isValid() && a.dueOn < a.openedOn)
        issues.append({QStringLiteral("due_on"),
                       tr("The due date (%1) is before the date the action was opened (%2).")
                           .arg(dateText(a.dueOn), dateText(a.openedOn))});
    if (isClosed(a.status)) {
        if (!a.closedOn.isValid())
            issues.append({QStringLiteral("closed_on"), tr("A closed or cancelled action needs the date it closed.")});
        else if (a.openedOn.isValid() && a.closedOn < a.openedOn)
            issues.append({QStringLiteral("closed_on"),
                           tr("The closing date (%1) is before the date the action was opened (%2).")
                               .arg(dateText(a.closedOn), dateText(a.openedOn))});
        if (a.status == ActionStatus::ClosedVerified && a.verificationNote.trimmed().isEmpty())
            issues.append({QStringLiteral("verification_note"),
                           tr("Say how the closure was verified (follow-up audit, documents seen, worker "
                              "interviews), without naming any worker.")});
    } else if (a.closedOn.isValid()) {
        issues.append({QStringLiteral("closed_on"),
                       tr("An open action has no closing date: choose a closed status or clear the date.")});
    }
    return issues;
}

QList<ValidationIssue> validate(const FeeEntry& f)
{
    QList<ValidationIssue> issues;
    if (f.supplierId.trimmed().isEmpty())
        issues.append({QStringLiteral("supplier"), tr("Choose the supplier whose workers paid the fees.")});
    if (!std::isfinite(f.paidAmount) || f.paidAmount < 0)
        issues.append({QStringLiteral("paid_amount"), tr("The amount paid by workers must be a number of 0 or more.")});
    if (!std::isfinite(f.reimbursedAmount) || f.reimbursedAmount < 0)
        issues.append(
            {QStringLiteral("reimbursed_amount"), tr("The amount reimbursed must be a number of 0 or more.")});
    else if (std::isfinite(f.paidAmount) && f.reimbursedAmount > f.paidAmount + 0.005 && f.note.trimmed().isEmpty())
        issues.append(
            {QStringLiteral("reimbursed_amount"),
             tr("More was reimbursed (%1) than paid (%2): add a note that explains it (interest, "
                "compensation), or correct the amounts.")
                 .arg(QLocale().toString(f.reimbursedAmount, 'f', 2), QLocale().toString(f.paidAmount, 'f', 2))});
    if (!isIsoCurrency(f.currency))
        issues.append({QStringLiteral("currency"),
                       f.currency.trimmed().isEmpty()
                           ? tr("Enter the currency of the amounts as an ISO 4217 code such as THB or MYR.")
                           : tr("“%1” is not an ISO 4217 currency code (such as THB, MYR, USD).").arg(f.currency)});
    if (!f.recordedOn.isValid())
        issues.append({QStringLiteral("recorded_on"), tr("Enter the date the fees were recorded (YYYY-MM-DD).")});
    if (f.workers && *f.workers < 1)
        issues.append({QStringLiteral("workers"), tr("The number of workers must be 1 or more.")});
    if (!f.workers && f.workerGroup.trimmed().isEmpty())
        issues.append({QStringLiteral("workers"),
                       tr("Enter how many workers paid, or describe the group (e.g. “2025 intake, line 2”).")});
    // A group label, never a person: refuse what looks like a passport, ID or employee number.
    static const QRegularExpression idLike(QStringLiteral("[A-Za-z]{0,3}\\d{6,}"));
    if (idLike.match(f.workerGroup).hasMatch())
        issues.append({QStringLiteral("worker_group"),
                       tr("The worker group looks like it holds an identity or employee number. Describe a group of "
                          "workers; never record a worker's name or ID.")});
    if (!isCountryCode(f.originCountry))
        issues.append(
            {QStringLiteral("origin_country"), tr("The origin country must be an ISO 3166 code such as MM.")});
    if (!isCountryCode(f.destinationCountry))
        issues.append({QStringLiteral("destination_country"),
                       tr("The destination country must be an ISO 3166 code such as TH.")});
    return issues;
}

QList<ValidationIssue> validate(const Training& t)
{
    QList<ValidationIssue> issues;
    if (t.topic.trimmed().isEmpty())
        issues.append({QStringLiteral("topic"), tr("Enter the topic of the training.")});
    if (!t.heldOn.isValid())
        issues.append({QStringLiteral("held_on"), tr("Enter the date the training was held (YYYY-MM-DD).")});
    if (t.participants < 0)
        issues.append({QStringLiteral("participants"), tr("The number of participants must be 0 or more.")});
    return issues;
}

bool isIsoCurrency(const QString& code)
{
    // ISO 4217 alphabetic codes, from Debian's iso-codes 4.15 (/usr/share/iso-codes/json/iso_4217.json).
    static const QSet<QString> codes = [] {
        const char* list
            = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN "
              "BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
              "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS "
              "KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN "
              "MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR "
              "SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD "
              "USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS "
              "XUA XXX YER ZAR ZMW ZWL";
        QSet<QString> set;
        for (const QString& c : QString::fromLatin1(list).split(QLatin1Char(' ')))
            set.insert(c);
        return set;
    }();
    return codes.contains(code);
}

} // namespace vigil

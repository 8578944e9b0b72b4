#include "risk/datasetcatalog.h"

#include "risk/ilabdata.h"
#include "risk/riskrepository.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace vigil {

namespace {

QString editionList(const DatasetFamily& f)
{
    QStringList parts;
    for (const DatasetEdition& e : f.editions)
        parts << QStringLiteral("%1 (%2)").arg(
            e.info.id, e.info.edition.isEmpty() ? QStringLiteral("no edition") : e.info.edition);
    return parts.join(QStringLiteral(", "));
}

QString familyList(const QList<DatasetFamily>& families)
{
    QStringList parts;
    for (const DatasetFamily& f : families)
        parts << QStringLiteral("%1: %2").arg(f.id, editionList(f));
    return parts.join(QStringLiteral("; "));
}

} // namespace

const DatasetEdition* DatasetFamily::active() const
{
    for (const DatasetEdition& e : editions)
        if (e.active)
            return &e;
    return nullptr;
}

DatasetCatalog::DatasetCatalog(Database& db)
    : m_db(db)
{
}

QString DatasetCatalog::familyOf(const DatasetInfo& dataset)
{
    const QString id = dataset.id.trimmed();
    const QString edition = dataset.edition.simplified();
    if (!edition.isEmpty()) {
        const QString suffix = QLatin1Char('_') + edition;
        if (id.size() > suffix.size() && id.endsWith(suffix, Qt::CaseInsensitive))
            return id.left(id.size() - suffix.size());
    }
    static const QRegularExpression yearSuffix(QStringLiteral("^(.+)_(1[9]\\d\\d|2\\d\\d\\d)$"));
    if (const auto m = yearSuffix.match(id); m.hasMatch())
        return m.captured(1);
    return id;
}

int DatasetCatalog::editionYear(const QString& edition)
{
    static const QRegularExpression year(QStringLiteral("(?<!\\d)(19\\d\\d|2\\d\\d\\d)(?!\\d)"));
    const auto m = year.match(edition);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

bool DatasetCatalog::newer(const DatasetInfo& a, const DatasetInfo& b)
{
    const int ya = editionYear(a.edition), yb = editionYear(b.edition);
    if (ya != yb)
        return ya > yb;
    if (a.loadedAt != b.loadedAt)
        return a.loadedAt > b.loadedAt;
    return a.id > b.id;
}

QList<DatasetFamily> DatasetCatalog::group(const QList<DatasetInfo>& datasets, const EditionChoices& choices)
{
    QList<DatasetFamily> families;
    QHash<QString, qsizetype> index;
    for (const DatasetInfo& d : datasets) {
        const QString family = familyOf(d);
        auto it = index.constFind(family);
        if (it == index.cend()) {
            it = index.insert(family, families.size());
            families.append(DatasetFamily{family, {}, {}, false, {}, {}});
        }
        families[*it].editions.append(DatasetEdition{d, false});
    }
    for (DatasetFamily& f : families) {
        std::sort(f.editions.begin(), f.editions.end(),
                  [](const DatasetEdition& a, const DatasetEdition& b) { return newer(a.info, b.info); });
        const QString choice = choices.value(f.id);
        const bool valid = !choice.isEmpty()
            && std::any_of(f.editions.cbegin(), f.editions.cend(),
                           [&](const DatasetEdition& e) { return e.info.id == choice; });
        f.chosen = valid;
        f.activeId = valid ? choice : f.editions.constFirst().info.id;
        for (DatasetEdition& e : f.editions)
            e.active = e.info.id == f.activeId;
    }
    std::stable_sort(families.begin(), families.end(), [](const DatasetFamily& a, const DatasetFamily& b) {
        if (a.bundled() != b.bundled())
            return a.bundled();
        const int c = QString::compare(a.editions.constFirst().info.name, b.editions.constFirst().info.name,
                                       Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    return families;
}

Result<QList<DatasetInfo>> DatasetCatalog::allDatasets() const
{
    auto stored = RiskRepository(m_db).datasets();
    if (!stored)
        return stored.error();
    QList<DatasetInfo> all{ilab::goodsDataset({}), ilab::findingsDataset({})};
    all += *stored;
    return all;
}

Result<EditionChoices> DatasetCatalog::choices() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT family, dataset_id FROM risk_dataset_choices")))
        return Database::queryError(QStringLiteral("The chosen dataset editions could not be read."), q);
    EditionChoices choices;
    while (q.next())
        choices.insert(q.value(0).toString(), q.value(1).toString());
    return choices;
}

Result<QList<DatasetFamily>> DatasetCatalog::families() const
{
    auto all = allDatasets();
    if (!all)
        return all.error();
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT family, dataset_id, chosen_at, chosen_by FROM risk_dataset_choices")))
        return Database::queryError(QStringLiteral("The chosen dataset editions could not be read."), q);
    EditionChoices choices;
    QHash<QString, QPair<QDateTime, QString>> when;
    while (q.next()) {
        choices.insert(q.value(0).toString(), q.value(1).toString());
        when.insert(q.value(0).toString(),
                    {QDateTime::fromString(q.value(2).toString(), Qt::ISODate), q.value(3).toString()});
    }
    QList<DatasetFamily> families = group(*all, choices);
    for (DatasetFamily& f : families)
        if (f.chosen) {
            f.chosenAt = when.value(f.id).first;
            f.chosenBy = when.value(f.id).second;
        }
    return families;
}

Result<QStringList> DatasetCatalog::activeDatasetIds(const EditionChoices& overrides) const
{
    auto all = allDatasets();
    if (!all)
        return all.error();
    auto stored = choices();
    if (!stored)
        return stored.error();
    EditionChoices effective = *stored;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (it.value().isEmpty())
            effective.remove(it.key());
        else
            effective.insert(it.key(), it.value());
    }
    QStringList ids;
    for (const DatasetFamily& f : group(*all, effective))
        ids << f.activeId;
    return ids;
}

Result<DatasetInfo> DatasetCatalog::resolve(const QString& datasetOrFamily, const QString& edition) const
{
    auto families = this->families();
    if (!families)
        return families.error();
    const QString key = datasetOrFamily.trimmed();
    const DatasetFamily* family = nullptr;
    const DatasetEdition* named = nullptr;
    for (const DatasetFamily& f : *families) {
        if (f.id == key)
            family = &f;
        for (const DatasetEdition& e : f.editions)
            if (e.info.id == key) {
                family = &f;
                named = &e;
            }
        if (family)
            break;
    }
    if (!family)
        return makeError(
            QStringLiteral("There is no dataset or dataset family \"%1\". Known: %2.").arg(key, familyList(*families)));
    const QString wanted = edition.simplified();
    if (wanted.isEmpty()) {
        if (named)
            return named->info;
        return makeError(QStringLiteral("Name the edition of %1 to use: %2.").arg(family->id, editionList(*family)));
    }
    QList<const DatasetEdition*> matches;
    for (const DatasetEdition& e : family->editions)
        if (e.info.id == wanted)
            return e.info;
    for (const DatasetEdition& e : family->editions)
        if (e.info.edition.simplified().compare(wanted, Qt::CaseInsensitive) == 0)
            matches << &e;
    if (matches.isEmpty()) {
        bool isYear = false;
        const int year = wanted.toInt(&isYear);
        for (const DatasetEdition& e : family->editions)
            if (isYear && editionYear(e.info.edition) == year)
                matches << &e;
    }
    if (matches.size() == 1)
        return matches.constFirst()->info;
    if (matches.isEmpty())
        return makeError(QStringLiteral("%1 has no edition \"%2\". Its editions: %3.")
                             .arg(family->id, wanted, editionList(*family)));
    return makeError(QStringLiteral("Several editions of %1 match \"%2\"; name one by its id: %3.")
                         .arg(family->id, wanted, editionList(*family)));
}

Status DatasetCatalog::choose(const EditionChoices& choices)
{
    auto all = allDatasets();
    if (!all)
        return all.error();
    const QList<DatasetFamily> families = group(*all, {});
    for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
        const auto f = std::find_if(families.cbegin(), families.cend(),
                                    [&](const DatasetFamily& x) { return x.id == it.key(); });
        if (f == families.cend())
            return makeError(QStringLiteral("There is no dataset family \"%1\".").arg(it.key()));
        if (!it.value().isEmpty()
            && std::none_of(f->editions.cbegin(), f->editions.cend(),
                            [&](const DatasetEdition& e) { return e.info.id == it.value(); }))
            return makeError(QStringLiteral("%1 is not an edition of %2. Its editions: %3.")
                                 .arg(it.value(), f->id, editionList(*f)));
    }
    return writeChoices(choices);
}

Status DatasetCatalog::writeChoices(const EditionChoices& choices)
{
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return m_db.transaction([&]() -> Status {
        QSqlQuery del(m_db.db());
        QSqlQuery put(m_db.db());
        del.prepare(QStringLiteral("DELETE FROM risk_dataset_choices WHERE family = ?"));
        put.prepare(QStringLiteral("INSERT OR REPLACE INTO risk_dataset_choices (family, dataset_id, chosen_at, "
                                   "chosen_by) VALUES (?,?,?,?)"));
        for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
            QSqlQuery& q = it.value().isEmpty() ? del : put;
            q.addBindValue(it.key());
            if (!it.value().isEmpty()) {
                q.addBindValue(it.value());
                q.addBindValue(at);
                q.addBindValue(sql::txt(m_actor));
            }
            if (!q.exec())
                return Database::queryError(
                    QStringLiteral("The choice of edition for %1 could not be saved.").arg(it.key()), q);
        }
        return {};
    });
}

Status DatasetCatalog::chooseAndRescore(const EditionChoices& choices, const std::function<Status()>& rescore)
{
    auto before = this->choices();
    if (!before)
        return before.error();
    if (Status st = choose(choices); !st)
        return st;
    Status st = rescore ? rescore() : Status();
    if (st)
        return st;
    EditionChoices previous;
    for (auto it = choices.cbegin(); it != choices.cend(); ++it)
        previous.insert(it.key(), before->value(it.key()));
    if (Status undo = writeChoices(previous); !undo)
        return makeError(QStringLiteral("%1 The previous choice of edition could not be restored either: the scores "
                                        "may not match the active editions; rescore the workspace.")
                             .arg(st.error().message),
                         undo.error().detail);
    return st;
}

void DatasetCatalog::restrictTo(ReferenceData& ref, const QStringList& activeIds)
{
    const QSet<QString> keep(activeIds.cbegin(), activeIds.cend());
    for (const DatasetInfo& d : ref.datasets())
        if (!keep.contains(d.id))
            ref.removeDataset(d.id);
}

Result<ReferenceData> loadActiveReferenceData(Database& db, const QDateTime& now, const EditionChoices& overrides)
{
    auto reference = loadBundledReferenceData(now);
    if (!reference)
        return reference.error();
    ReferenceData ref = std::move(reference).value();
    if (Status st = RiskRepository(db).loadInto(ref); !st)
        return st.error();
    auto active = DatasetCatalog(db).activeDatasetIds(overrides);
    if (!active)
        return active.error();
    DatasetCatalog::restrictTo(ref, *active);
    return ref;
}

} // namespace vigil

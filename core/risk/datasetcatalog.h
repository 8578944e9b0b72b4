#pragma once

#include "risk/referencedata.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace vigil {

class Database;

// One edition of a reference dataset, as the catalogue lists it.
struct DatasetEdition
{
    DatasetInfo info;
    bool active = false; // the edition scores use
};

// A dataset family: the editions of one dataset (TIP Report 2023, 2024 ...), newest first, and which one scores
// use. Without a choice, the latest edition is active; a choice holds until it is changed or its edition removed.
struct DatasetFamily
{
    QString id; // "tip", "ilab_goods"
    QList<DatasetEdition> editions; // newest first
    QString activeId; // the dataset id of the active edition
    bool chosen = false; // the active edition was chosen by the user (else: the latest)
    QDateTime chosenAt;
    QString chosenBy;

    const DatasetEdition* active() const;
    bool bundled() const { return !editions.isEmpty() && editions.constFirst().info.bundled; }
};

// Family -> the dataset id to use; an empty id means "the latest edition" (no choice).
using EditionChoices = QHash<QString, QString>;

// The registry of reference dataset editions in a workspace (bundled ILAB + user-imported, resources/sql/002 and
// 009): which families exist, which edition of each is active, and the user's choice of edition. Errors are
// values; statements are prepared and bound.
class DatasetCatalog
{
public:
    explicit DatasetCatalog(Database& db);
    void setActor(const QString& who) { m_actor = who; }

    // The family of a dataset: its id without a "_<edition>" suffix (the default id of an import is
    // "<format>_<edition>", so "tip_2024" -> "tip"), else without a "_<year>" suffix ("ilab_goods_2022" ->
    // "ilab_goods"), else the id itself.
    static QString familyOf(const DatasetInfo& dataset);
    // The first year (1900..2999) in an edition text, or -1: "2023 edition" -> 2023.
    static int editionYear(const QString& edition);
    // True when a is a newer edition than b: the later year; without years or with equal years, the one loaded
    // later; then the greater id (so the order is total).
    static bool newer(const DatasetInfo& a, const DatasetInfo& b);
    // Groups datasets into families (editions newest first), applying choices (a choice naming no edition of its
    // family is ignored). Families in order of the name of their newest edition. No I/O.
    static QList<DatasetFamily> group(const QList<DatasetInfo>& datasets, const EditionChoices& choices);

    // Every family of the workspace, bundled ones first.
    Result<QList<DatasetFamily>> families() const;
    // The choices stored in the workspace (family -> dataset id).
    Result<EditionChoices> choices() const;
    // The dataset ids of the active editions, with `overrides` applied on top of the stored choices.
    Result<QStringList> activeDatasetIds(const EditionChoices& overrides = {}) const;

    // Finds the dataset meant by a family id or a dataset id, and an optional edition text (or dataset id) within
    // its family. Errors list what exists.
    Result<DatasetInfo> resolve(const QString& datasetOrFamily, const QString& edition = QString()) const;

    // Stores choices (family -> dataset id; an empty id drops the choice: the latest edition is used again) in ONE
    // transaction. Every dataset id must be an edition of its family.
    Status choose(const EditionChoices& choices);
    // Stores `choices`, then runs `rescore` (which loads the scoring context again and stores the scores). When
    // rescore fails or is cancelled, the previous choices of those families are stored again, so that the stored
    // scores always rest on the active editions; its error is returned.
    Status chooseAndRescore(const EditionChoices& choices, const std::function<Status()>& rescore);

    // Keeps in `ref` only the active editions (removes every other dataset with its signals).
    static void restrictTo(ReferenceData& ref, const QStringList& activeIds);

private:
    Result<QList<DatasetInfo>> allDatasets() const;
    Status writeChoices(const EditionChoices& choices);
    Database& m_db;
    QString m_actor;
};

// The reference data scores use: the bundled ILAB data and the workspace's imported datasets, restricted to the
// active edition of each family (stored choices, with `overrides` on top). ref.datasets() lists exactly the
// editions used.
Result<ReferenceData> loadActiveReferenceData(Database& db, const QDateTime& now, const EditionChoices& overrides = {});

} // namespace vigil

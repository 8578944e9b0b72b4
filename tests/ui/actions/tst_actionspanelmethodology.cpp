// The Actions tab names the finding an action answers with the label of the workspace's ACTIVE methodology (read
// again when the tab reloads), not with the label of the methodology shipped with the build.
#include "actions/actionrepository.h"
#include "actions/actionservice.h"
#include "actions/actionspanel.h"
#include "risk/methodologystore.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using namespace vigil::ui;

namespace {

const QString kIndicator = QStringLiteral("ilo_02_deception");
const QString kNewLabel = QStringLiteral("Deception about pay or work (workspace label)");

} // namespace

class TestActionsPanelMethodology : public QObject
{
    Q_OBJECT
private slots:
    void answersColumnUsesTheActiveLabel();
};

void TestActionsPanelMethodology::answersColumnUsesTheActiveLabel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = workspace::create(dir.filePath(QStringLiteral("panel.vigil")));
    QVERIFY2(db.ok(), qPrintable(db.error().toString()));
    SupplierRecord record;
    record.supplier.id = newUuid();
    record.supplier.name = QStringLiteral("Mahachai Cold Storage Co., Ltd.");
    record.supplier.country = QStringLiteral("TH");
    QVERIFY(SupplierRepository(*db.value()).add(record).ok());
    CorrectiveAction a;
    a.supplierId = record.supplier.id;
    a.indicatorId = kIndicator;
    a.description = QStringLiteral("Contracts in the workers' language");
    a.openedOn = QDate(2026, 5, 2);
    QVERIFY(ActionRepository(*db.value()).saveAction(a).ok());
    SupplierStore store(std::move(db).value());
    QUndoStack undo;

    ActionsPanel panel(&store, &undo);
    panel.showSupplier(record.supplier.id);
    QCOMPARE(panel.list()->topLevelItemCount(), 1);
    const Methodology bundled = *Methodology::loadDefault();
    const QString bundledLabel = bundled.indicators.at(bundled.indicatorIndex(kIndicator)).label;
    QCOMPARE(panel.list()->topLevelItem(0)->text(1), bundledLabel);

    // Another version, with the indicator relabelled, made active while the panel is open.
    QJsonObject doc = QJsonDocument::fromJson(bundled.document).object();
    doc.insert(QStringLiteral("version"), QStringLiteral("9.9.9-ui"));
    QJsonArray indicators = doc.value(QStringLiteral("indicators")).toArray();
    for (int i = 0; i < indicators.size(); ++i) {
        QJsonObject o = indicators.at(i).toObject();
        if (o.value(QStringLiteral("id")).toString() == kIndicator)
            o.insert(QStringLiteral("label"), kNewLabel);
        indicators.replace(i, o);
    }
    doc.insert(QStringLiteral("indicators"), indicators);
    auto next = Methodology::fromJson(QJsonDocument(doc).toJson(), QStringLiteral("test"));
    QVERIFY2(next.ok(), qPrintable(next.error().toString()));
    QVERIFY(MethodologyStore(store.database()).saveVersion(*next, true).ok());

    panel.reload();
    QCOMPARE(panel.list()->topLevelItemCount(), 1);
    QCOMPARE(panel.list()->topLevelItem(0)->text(1), kNewLabel);

    // A new panel (a supplier view opened afterwards) too.
    ActionsPanel fresh(&store, &undo);
    fresh.showSupplier(record.supplier.id);
    QCOMPARE(fresh.list()->topLevelItem(0)->text(1), kNewLabel);
}

QTEST_MAIN(TestActionsPanelMethodology)
#include "tst_actionspanelmethodology.moc"

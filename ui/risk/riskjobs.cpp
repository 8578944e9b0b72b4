#include "risk/riskjobs.h"

#include "risk/riskengine.h"
#include "risk/riskrepository.h"
#include "storage/database.h"

#include <QApplication>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

#include <atomic>

namespace vigil::ui {

namespace {

Error cancelled()
{
    return makeError(QObject::tr("Cancelled."));
}

bool report(const ProgressFn& progress, qsizetype done, qsizetype total)
{
    // Every 256 suppliers and at the end: cheap enough for a million.
    if (!progress || ((done & 0xff) != 0 && done != total))
        return true;
    return progress(done, total);
}

} // namespace

Result<TierImpact> computeTierImpact(Database& db, const ScoringContext& context, const Methodology& proposed,
                                     const QDateTime& now, const ProgressFn& progress)
{
    auto inputs = RiskRepository(db).allInputs();
    if (!inputs)
        return inputs.error();
    TierImpact impact;
    impact.suppliers = inputs->size();
    qsizetype done = 0;
    for (const SupplierRiskInput& in : *inputs) {
        const RiskTier before = RiskEngine::evaluate(in, context.methodology, context.reference, now).tier;
        const RiskTier after = RiskEngine::evaluate(in, proposed, context.reference, now).tier;
        if (before != after) {
            ++impact.changed;
            (after > before ? impact.up : impact.down)++;
        }
        if (!report(progress, ++done, impact.suppliers))
            return cancelled();
    }
    return impact;
}

Result<qsizetype> rescoreAll(Database& db, const ScoringContext& context, const QDateTime& now,
                             const ProgressFn& progress)
{
    RiskRepository repo(db);
    auto inputs = repo.allInputs();
    if (!inputs)
        return inputs.error();
    QList<RiskResult> results;
    results.reserve(inputs->size());
    for (const SupplierRiskInput& in : *inputs) {
        results.append(RiskEngine::evaluate(in, context.methodology, context.reference, now));
        if (!report(progress, results.size(), inputs->size()))
            return cancelled();
    }
    if (Status st = repo.saveScores(results, context.methodology, now); !st)
        return st.error();
    return results.size();
}

Status runWithProgress(QWidget* parent, Database& db, const QString& title,
                       const std::function<Status(Database& db, const ProgressFn& progress)>& job)
{
    QProgressDialog dialog(title, QObject::tr("Cancel"), 0, 100, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setValue(0);

    std::atomic_bool cancel{false};
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&cancel] { cancel = true; });
    QPointer<QProgressDialog> guard(&dialog);
    Status status;
    QThread* thread = QThread::create([&] {
        // The worker's own connection, opened and closed in this thread.
        auto own = db.openAnother();
        if (!own) {
            status = own.error();
            return;
        }
        ProgressFn progress = [&](qsizetype done, qsizetype total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            QMetaObject::invokeMethod(
                qApp,
                [guard, percent] {
                    if (guard)
                        guard->setValue(percent);
                },
                Qt::QueuedConnection);
            return !cancel.load();
        };
        status = job(**own, progress);
    });
    QEventLoop loop;
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    return status;
}

} // namespace vigil::ui

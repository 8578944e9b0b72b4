#include "risk/riskjobs.h"

#include "risk/scorejob.h"
#include "storage/database.h"

#include <QApplication>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

#include <atomic>

namespace vigil::ui {

namespace {

// The core job's options for a GUI progress function that returns false to cancel.
ScoreJobOptions withProgress(const ProgressFn& progress, std::atomic<bool>& cancel)
{
    ScoreJobOptions options;
    options.cancel = &cancel;
    if (progress)
        options.progress = [&progress, &cancel](qint64 done, qint64 total) {
            if (!progress(done, total))
                cancel = true;
        };
    return options;
}

Error cancelled()
{
    return makeError(QObject::tr("Cancelled."));
}

} // namespace

Result<TierImpact> computeTierImpact(Database& db, const ScoringContext& context, const Methodology& proposed,
                                     const QDateTime& now, const ProgressFn& progress)
{
    std::atomic<bool> cancel{false};
    TierImpact impact;
    const Status st = evaluateWorkspace(
        db, {&context.methodology, &proposed}, context.reference, now,
        [&impact](const QList<RiskResult>& r) {
            ++impact.suppliers;
            const RiskTier before = r.at(0).tier;
            const RiskTier after = r.at(1).tier;
            if (before != after) {
                ++impact.changed;
                (after > before ? impact.up : impact.down)++;
            }
        },
        withProgress(progress, cancel));
    if (!st)
        return cancel ? cancelled() : st.error();
    return impact;
}

Result<qsizetype> rescoreAll(Database& db, const ScoringContext& context, const QDateTime& now,
                             const ProgressFn& progress)
{
    std::atomic<bool> cancel{false};
    auto summary = scoreWorkspace(db, context, now, withProgress(progress, cancel));
    if (!summary)
        return cancel ? cancelled() : summary.error();
    return qsizetype(summary->scored);
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

#pragma once

#include "importer/importer.h"

#include <QObject>

#include <atomic>
#include <functional>

class QThread;

namespace vigil {
class Database;
}

namespace vigil::ui {

// Runs one piece of import work on a worker thread with its own connection to the workspace (Database::openAnother
// is called on that thread; the GUI connection is never touched there). The work returns a callable that is run
// on the GUI thread when it is done, to hand its results over. Cancel sets the flag the work passes to the core.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    using Deliver = std::function<void()>;
    using Work = std::function<Deliver(Database& db, const std::atomic<bool>* cancel, const ImportProgress& progress)>;

    explicit ImportJob(const Database& workspace, QObject* parent = nullptr);
    ~ImportJob() override; // cancels and waits

    // False while another work is running.
    bool start(Work work);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    bool wasCancelled() const { return m_cancel.load(); }
    // Blocks until the running work is done and delivered (tests, closing the wizard).
    void wait();

signals:
    void progress(double fraction, qint64 rows); // queued to the GUI thread
    void failed(const QString& message); // the worker could not open the workspace
    void finished(); // after the work's deliver callable ran

private:
    void onThreadFinished();

    const Database& m_workspace;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    Deliver m_deliver;
    QString m_openError;
};

} // namespace vigil::ui

#include "importjob.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QThread>

namespace vigil::ui {

ImportJob::ImportJob(const Database& workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::start(Work work)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_deliver = {};
    m_openError.clear();
    m_thread = QThread::create([this, work = std::move(work)] {
        auto db = m_workspace.openAnother();
        if (!db) {
            m_openError = db.error().message;
            return;
        }
        const ImportProgress report = [this](double fraction, qint64 rows) {
            QMetaObject::invokeMethod(
                this, [this, fraction, rows] { emit progress(fraction, rows); }, Qt::QueuedConnection);
        };
        m_deliver = work(**db, &m_cancel, report);
    });
    connect(m_thread, &QThread::finished, this, &ImportJob::onThreadFinished, Qt::QueuedConnection);
    m_thread->start();
    return true;
}

void ImportJob::cancel()
{
    m_cancel = true;
}

void ImportJob::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();
    onThreadFinished();
}

void ImportJob::onThreadFinished()
{
    if (!m_thread)
        return; // already delivered by wait()
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    // Drop progress reports still queued from the finished work.
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    if (!m_openError.isEmpty()) {
        emit failed(m_openError);
        return;
    }
    if (auto deliver = std::exchange(m_deliver, {}))
        deliver();
    emit finished();
}

} // namespace vigil::ui

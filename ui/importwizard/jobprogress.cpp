#include "jobprogress.h"

#include "importjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace vigil::ui {

JobProgress::JobProgress(ImportJob* job, QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_text->setObjectName(QStringLiteral("jobText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_bar->setRange(0, 1000);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, job, &ImportJob::cancel);
    connect(job, &ImportJob::progress, this, [this](double fraction, qint64 rows) {
        m_bar->setValue(qBound(0, int(fraction * 1000), 1000));
        m_bar->setFormat(tr("%n row(s)", nullptr, int(rows)));
    });
}

void JobProgress::begin(const QString& text)
{
    m_text->setStyleSheet(QString());
    m_text->setText(text);
    m_bar->setValue(0);
    m_bar->setFormat(QString());
    m_bar->show();
    m_cancel->show();
}

void JobProgress::end(const QString& text, bool error)
{
    m_text->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    m_text->setText(text);
    m_bar->hide();
    m_cancel->hide();
}

QString JobProgress::text() const
{
    return m_text->text();
}

} // namespace vigil::ui

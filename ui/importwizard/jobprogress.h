#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace vigil::ui {

class ImportJob;

// A line under a wizard page's work: what is happening, a progress bar and Cancel (which cancels the job).
class JobProgress : public QWidget
{
    Q_OBJECT
public:
    explicit JobProgress(ImportJob* job, QWidget* parent = nullptr);
    void begin(const QString& text); // shows the bar and Cancel
    void end(const QString& text, bool error = false); // hides them
    QString text() const;
    QProgressBar* bar() const { return m_bar; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    QLabel* m_text;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
};

} // namespace vigil::ui

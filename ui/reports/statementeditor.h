#pragma once

#include "report/statements.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vigil {

class Database;

// Edits what only the company can write in a statement: for each law (UK, Australia, Canada, Germany, EU) and each
// section the law names, the company's text, kept in the workspace (statement_texts). Shows beside it what the law
// asks. The organisation's name and the reporting period are shared by every statement.
class StatementEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StatementEditor(Database* db, QWidget* parent = nullptr);

    report::Jurisdiction jurisdiction() const;
    void setJurisdiction(report::Jurisdiction j);
    // Selects a section by key ("a", "art9" ...).
    bool selectSection(const QString& key);
    QString currentText() const;
    void setCurrentText(const QString& text);
    bool isModified() const { return m_modified; }

public slots:
    // Saves the organisation, the period and the current section's text. Returns false (and shows why) on failure.
    bool save();
    void reload();

signals:
    void saved();

private:
    void showSection(int row);
    bool saveCurrent();

    Database* m_db;
    QComboBox* m_law = nullptr;
    QLineEdit* m_organisation = nullptr;
    QLineEdit* m_period = nullptr;
    QListWidget* m_sections = nullptr;
    QLabel* m_asks = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_state = nullptr;
    QList<report::StatementSectionDef> m_defs;
    QMap<QString, QString> m_texts;
    int m_row = -1;
    bool m_modified = false;
    bool m_loading = false;
};

} // namespace vigil

#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace vigil::risk {

// A prepared statement on SQLite's native handle, for the bulk score paths (reading every supplier's input,
// writing a million scores) where QtSql's per-value QVariant cost dominates (STYLE.md, SQLite). Text is bound as
// UTF-8 copied by SQLite (SQLITE_TRANSIENT). Binding the wrong number of values makes exec() fail without running.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, const char* sql)
    {
        m_ok = db && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    bool ok() const { return m_ok; }

    SqliteStatement& text(const QString& s) { return utf8(s.toUtf8()); }
    SqliteStatement& utf8(const QByteArray& b)
    {
        check(sqlite3_bind_text(m_stmt, ++m_index, b.constData(), int(b.size()), SQLITE_TRANSIENT));
        return *this;
    }
    SqliteStatement& blob(const QByteArray& b)
    {
        check(sqlite3_bind_blob(m_stmt, ++m_index, b.constData(), int(b.size()), SQLITE_TRANSIENT));
        return *this;
    }
    SqliteStatement& real(double v)
    {
        check(sqlite3_bind_double(m_stmt, ++m_index, v));
        return *this;
    }
    SqliteStatement& integer(qint64 v)
    {
        check(sqlite3_bind_int64(m_stmt, ++m_index, v));
        return *this;
    }
    SqliteStatement& null()
    {
        check(sqlite3_bind_null(m_stmt, ++m_index));
        return *this;
    }
    // Runs a statement that returns no row.
    bool exec()
    {
        const bool bound = !m_bindFailed && m_index == sqlite3_bind_parameter_count(m_stmt);
        const int rc = bound ? sqlite3_step(m_stmt) : SQLITE_MISUSE;
        reset();
        return rc == SQLITE_DONE;
    }
    // Steps a query: SQLITE_ROW (read the row with column*()), SQLITE_DONE, or an error code.
    int step()
    {
        if (m_bindFailed || m_index != sqlite3_bind_parameter_count(m_stmt))
            return SQLITE_MISUSE;
        return sqlite3_step(m_stmt);
    }
    bool fetch() { return step() == SQLITE_ROW; }
    bool isNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
    double columnReal(int i) const { return sqlite3_column_double(m_stmt, i); }
    qint64 columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
    QString columnText(int i) const
    {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, i)) : QString();
    }
    QByteArray columnBytes(int i) const
    {
        const void* p = sqlite3_column_blob(m_stmt, i);
        return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt, i)) : QByteArray();
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_index = 0;
        m_bindFailed = false;
    }

private:
    void check(int rc) { m_bindFailed = m_bindFailed || rc != SQLITE_OK; }
    sqlite3_stmt* m_stmt = nullptr;
    int m_index = 0;
    bool m_bindFailed = false;
    bool m_ok = false;
};

} // namespace vigil::risk

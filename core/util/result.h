#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace vigil {

// What went wrong, in words a user can act on, and where: never raw driver text alone.
struct Error
{
    QString message; // what went wrong and what to do
    QString file; // file involved, if any
    qint64 row = -1; // 1-based row in that file, -1 if not applicable
    int column = -1; // 1-based column, -1 if not applicable
    QString field; // field or column name, if any
    QString detail; // technical detail (driver text, offsets) for logs and --verbose

    // "file, row 3, column 2 (Country): message"
    QString toString() const;
};

// Errors are values: a Result holds either a value or an Error.
template <typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T& operator*() const& { return *m_value; }
    const T* operator->() const { return &*m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_ok(false)
        , m_error(std::move(error))
    {
    }
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    bool m_ok = true;
    Error m_error;
};

using Status = Result<void>;

inline Error makeError(QString message, QString detail = {})
{
    Error e;
    e.message = std::move(message);
    e.detail = std::move(detail);
    return e;
}

} // namespace vigil

#pragma once

#include "io/tablereader.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

namespace vigil::test {

// Everything a table reader gives: its rows with their numbers, and how reading ended.
struct ReadAll
{
    QList<QStringList> rows;
    QList<qint64> numbers; // rowNumber() after each row
    bool ok = false; // opened and read to the end without an error
    Error error; // of open(), else of reading
};

// Opens `reader` and reads it to the end.
ReadAll readAll(TableReader& reader);

} // namespace vigil::test

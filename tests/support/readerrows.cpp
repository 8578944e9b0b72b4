#include "readerrows.h"

namespace vigil::test {

ReadAll readAll(TableReader& reader)
{
    ReadAll r;
    if (Status s = reader.open(); !s) {
        r.error = s.error();
        return r;
    }
    QStringList row;
    while (reader.next(row)) {
        r.rows << row;
        r.numbers << reader.rowNumber();
    }
    r.ok = !reader.failed();
    r.error = reader.error();
    return r;
}

} // namespace vigil::test

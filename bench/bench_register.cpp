// Makes a 1,000,000-supplier workspace and prints what the register needs from the core: time to open it and read
// the first page, to filter by country, to search a name, and peak memory. Figures only; nothing passes or fails.
//   bench_register [SUPPLIERS=1000000] [FILE]   (a kept FILE is reused on the next run)
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/textkey.h"
#include "util/uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <cstdio>

using namespace vigil;

static long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// Fills the workspace through the native SQLite API in one transaction (the layout of resources/sql/001).
static bool generate(Database& db, int n)
{
    static const char* countries[] = {"TH", "BD", "MY", "VN", "ID", "CN", "IN", "KH", "PH", "MM",
                                      "PK", "LK", "NP", "TW", "JP", "GB", "US", "DE", "TR", "MX"};
    static const char* sectors[]
        = {"Fishing and aquaculture", "Textiles and garments", "Electronics", "Rubber products", "Agriculture",
           "Construction materials",  "Food processing",       "Logistics"};
    static const QStringList stems{QStringLiteral("Siam"),    QStringLiteral("Golden"),  QStringLiteral("Pacific"),
                                   QStringLiteral("Mekong"),  QStringLiteral("Delta"),   QStringLiteral("Lotus"),
                                   QStringLiteral("ซีฟู้ด"),     QStringLiteral("สยาม"),    QStringLiteral("华强"),
                                   QStringLiteral("电子"),    QStringLiteral("May Mặc"), QStringLiteral("Sài Gòn"),
                                   QStringLiteral("ရွှေ"),      QStringLiteral("ঢাকা"),    QStringLiteral("পোশাক"),
                                   QStringLiteral("Harbour"), QStringLiteral("Andaman"), QStringLiteral("Borneo")};
    static const QStringList forms{QStringLiteral("Co., Ltd."), QStringLiteral("Sdn Bhd"),  QStringLiteral("PT"),
                                   QStringLiteral("Ltd"),       QStringLiteral("有限公司"), QStringLiteral("จำกัด")};
    sqlite3* h = db.handle();
    auto exec = [h](const char* sql) { return sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK; };
    if (!exec("BEGIN"))
        return false;
    sqlite3_stmt* ins = nullptr;
    sqlite3_stmt* fts = nullptr;
    sqlite3_stmt* tag = nullptr;
    sqlite3_prepare_v2(h,
                       "INSERT INTO suppliers (id, name, name_key, country, sector, tier, workers_min, workers_max, "
                       "migrant_share, tags, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       -1, &ins, nullptr);
    sqlite3_prepare_v2(h, "INSERT INTO supplier_search (rowid, names) VALUES (?, ?)", -1, &fts, nullptr);
    sqlite3_prepare_v2(h, "INSERT INTO supplier_tags (tag, supplier_rowid) VALUES (?, ?)", -1, &tag, nullptr);
    QRandomGenerator rng(42);
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
    for (int i = 0; i < n; ++i) {
        const QString name = QStringLiteral("%1 %2 %3 %4")
                                 .arg(stems.at(rng.bounded(stems.size())), stems.at(rng.bounded(stems.size())))
                                 .arg(i)
                                 .arg(forms.at(rng.bounded(forms.size())));
        const QByteArray id = newUuid().toUtf8();
        const QByteArray nameU = name.toUtf8();
        const QByteArray key = searchKey(name).toUtf8();
        const int workers = 20 + int(rng.bounded(5000));
        sqlite3_bind_text(ins, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, nameU.constData(), int(nameU.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 4, countries[rng.bounded(20)], 2, SQLITE_STATIC);
        sqlite3_bind_text(ins, 5, sectors[rng.bounded(8)], -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 6, 1 + int(rng.bounded(3)));
        sqlite3_bind_int(ins, 7, workers);
        sqlite3_bind_int(ins, 8, workers);
        sqlite3_bind_double(ins, 9, rng.generateDouble());
        const bool tagged = rng.bounded(10) == 0;
        sqlite3_bind_text(ins, 10, tagged ? "high-priority" : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 11, now.constData(), int(now.size()), SQLITE_STATIC);
        sqlite3_bind_text(ins, 12, now.constData(), int(now.size()), SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            return false;
        sqlite3_reset(ins);
        const sqlite3_int64 rowid = sqlite3_last_insert_rowid(h);
        sqlite3_bind_int64(fts, 1, rowid);
        sqlite3_bind_text(fts, 2, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(fts) != SQLITE_DONE)
            return false;
        sqlite3_reset(fts);
        if (tagged) {
            sqlite3_bind_text(tag, 1, "high-priority", -1, SQLITE_STATIC);
            sqlite3_bind_int64(tag, 2, rowid);
            sqlite3_step(tag);
            sqlite3_reset(tag);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(fts);
    sqlite3_finalize(tag);
    return exec("COMMIT") && exec("ANALYZE");
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    QTemporaryDir tmp;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.filePath(QStringLiteral("bench.vigil"));
    QElapsedTimer t;
    if (!QFile::exists(path)) {
        t.start();
        auto db = workspace::create(path);
        if (!db || !generate(*db.value(), n)) {
            out << "could not make the workspace\n";
            return 1;
        }
        out << "generated " << n << " suppliers in " << t.elapsed() << " ms (" << QFile(path).size() / (1024 * 1024)
            << " MB)\n";
    }
    out.flush();

    t.start();
    auto db = Database::open(path);
    if (!db) {
        out << db.error().toString() << "\n";
        return 1;
    }
    SupplierRepository repo(*db.value());
    const qint64 total = repo.count().value();
    auto first = repo.page({}, SupplierSort::Name, Qt::AscendingOrder, 0, 100);
    out << "open + count (" << total << ") + first page of 100: " << t.elapsed() << " ms\n";

    t.start();
    auto deep = repo.page({}, SupplierSort::Name, Qt::AscendingOrder, total - 100, 100);
    out << "last page (offset " << total - 100 << "): " << t.elapsed() << " ms\n";

    SupplierFilter byCountry;
    byCountry.country = QStringLiteral("TH");
    t.start();
    const qint64 th = repo.count(byCountry).value();
    auto thPage = repo.page(byCountry, SupplierSort::Name, Qt::AscendingOrder, 0, 100);
    out << "filter country=TH: count " << th << " + first page: " << t.elapsed() << " ms\n";

    SupplierFilter byTag;
    byTag.tag = QStringLiteral("high-priority");
    t.start();
    const qint64 tagged = repo.count(byTag).value();
    repo.page(byTag, SupplierSort::Name, Qt::AscendingOrder, 0, 100);
    out << "filter tag: count " << tagged << " + first page: " << t.elapsed() << " ms\n";

    for (const QString& q : {QStringLiteral("Andaman Golden 4711"), QStringLiteral("ซีฟู้ด สยาม"), QStringLiteral("华强"),
                             QStringLiteral("123456")}) {
        SupplierFilter search;
        search.search = q;
        t.start();
        const qint64 hits = repo.count(search).value();
        repo.page(search, SupplierSort::Name, Qt::AscendingOrder, 0, 100);
        out << "search \"" << q << "\": " << hits << " hits, count + first page: " << t.elapsed() << " ms\n";
    }
    SupplierFilter sortWorkers;
    t.start();
    repo.page(sortWorkers, SupplierSort::Workers, Qt::DescendingOrder, 0, 100);
    out << "sort by workers, first page: " << t.elapsed() << " ms\n";
    out << "peak memory (VmHWM): " << peakRssKb() / 1024 << " MB\n";
    return first.ok() && deep.ok() && thPage.ok() ? 0 : 1;
}

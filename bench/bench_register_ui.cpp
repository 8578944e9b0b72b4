// The supplier register on a workspace of a million suppliers: how long it takes to open it and show the first
// page, filter by country, search a name (several scripts), sort, scroll to the end; and the peak memory.
// Prints figures; never fails on time. Usage: bench_register_ui [SUPPLIERS] [--keep FILE]
#include "mainwindow/mainwindow.h"
#include "models/suppliertablemodel.h"
#include "services/supplierstore.h"
#include "storage/database.h"
#include "storage/supplierrepository.h"
#include "storage/workspace.h"
#include "util/textkey.h"
#include "util/uuid.h"
#include "views/supplierregisterview.h"
#include "views/supplierspage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <random>

using namespace vigil;

namespace {

QTextStream out(stdout);

QString peakMemory()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    return QStringLiteral("?");
}

void report(const char* what, qint64 ns, const QString& extra = {})
{
    out << QStringLiteral("%1 %2 ms").arg(QString::fromUtf8(what), -44).arg(ns / 1e6, 9, 'f', 1);
    if (!extra.isEmpty())
        out << "   " << extra;
    out << Qt::endl;
}

// Names in the scripts of the places Vigil's users buy from.
struct NameMaker
{
    std::mt19937 rng{20261128};
    QString pick(const QStringList& l) { return l.at(int(rng() % l.size())); }
    QString make(const QString& country, int i)
    {
        static const QStringList latin{"Siam",    "Mekong", "Golden",  "Pacific", "Delta",  "Lotus",
                                       "Eastern", "Royal",  "Harbour", "Green",   "Silver", "Ocean",
                                       "Bright",  "United", "Sunrise", "Phoenix"};
        static const QStringList goods{"Textiles", "Garments", "Seafood",   "Electronics", "Rubber",   "Palm Oil",
                                       "Fishing",  "Footwear", "Packaging", "Cotton",      "Knitwear", "Components"};
        static const QStringList thai{"สยาม", "ทองคำ", "แม่กลอง", "มหาชัย", "อันดามัน", "ชลบุรี", "รุ่งเรือง"};
        static const QStringList thaiGoods{"ซีฟู้ด", "สิ่งทอ", "อาหารทะเล", "ยางพารา", "อิเล็กทรอนิกส์"};
        static const QStringList zh{"广州", "深圳", "宁波", "福建", "山东", "江苏", "东莞"};
        static const QStringList zhGoods{"纺织", "电子科技", "水产", "服装", "鞋业", "包装"};
        static const QStringList vi{"Việt Tiến", "Minh Phú", "Sài Gòn", "Hà Nội", "Đồng Nai", "Bình Dương"};
        static const QStringList my{"ရန်ကုန်", "မန္တလေး", "ပဲခူး"};
        static const QStringList bn{"ঢাকা", "চট্টগ্রাম", "গাজীপুর", "নারায়ণগঞ্জ"};
        const QString n = QString::number(i);
        if (country == QLatin1String("TH") && rng() % 2)
            return QStringLiteral("บริษัท %1%2 %3 จำกัด").arg(pick(thai), pick(thaiGoods), n);
        if (country == QLatin1String("CN") && rng() % 2)
            return QStringLiteral("%1%2有限公司%3").arg(pick(zh), pick(zhGoods), n);
        if (country == QLatin1String("VN") && rng() % 2)
            return QStringLiteral("Công ty %1 %2 %3").arg(pick(vi), pick(goods), n);
        if (country == QLatin1String("MM") && rng() % 2)
            return QStringLiteral("%1 အထည်ချုပ် စက်ရုံ %2").arg(pick(my), n);
        if (country == QLatin1String("BD") && rng() % 2)
            return QStringLiteral("%1 নিট ফ্যাশনস %2").arg(pick(bn), n);
        return QStringLiteral("%1 %2 %3 Co., Ltd.").arg(pick(latin), pick(goods), n);
    }
};

bool exec(sqlite3* h, const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(h, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        out << "SQL failed: " << err << Qt::endl;
        sqlite3_free(err);
        return false;
    }
    return true;
}

void bindText(sqlite3_stmt* st, int i, const QString& s)
{
    const QByteArray u = s.toUtf8();
    sqlite3_bind_text(st, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
}

// Fills the workspace in one transaction with reused prepared statements, as resources/sql/001_initial.sql wants
// it (name_key, supplier_search, supplier_tags). No change-log entries: this measures the register, not imports.
bool fill(Database& db, int n)
{
    sqlite3* h = db.handle();
    static const QStringList countries{"TH", "VN", "CN", "BD", "MM", "MY", "ID", "IN", "KH", "PH", "PK", "LK",
                                       "TR", "MX", "US", "DE", "GB", "FR", "IT", "ES", "BR", "ET", "KE", "GH"};
    static const QStringList sectors{"Textiles and garments", "Seafood",         "Electronics", "Agriculture",
                                     "Food processing",       "Rubber products", "Footwear",    "Logistics",
                                     "Construction"};
    static const QStringList statuses{"active", "active", "active", "onboarding", "suspended", "exited"};
    static const QStringList tags{"high-priority", "migrant-workforce", "audited-2025", "seafood", "cotton", ""};
    sqlite3_stmt* ins = nullptr;
    sqlite3_stmt* search = nullptr;
    sqlite3_stmt* tag = nullptr;
    sqlite3_prepare_v2(h,
                       "INSERT INTO suppliers (id, name, name_key, country, sector, tier, workers_min, workers_max, "
                       "migrant_share, status, tags, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       -1, &ins, nullptr);
    sqlite3_prepare_v2(h, "INSERT INTO supplier_search (rowid, names) VALUES (?, ?)", -1, &search, nullptr);
    sqlite3_prepare_v2(h, "INSERT INTO supplier_tags (supplier_rowid, tag) VALUES (?, ?)", -1, &tag, nullptr);
    if (!ins || !search || !tag) {
        out << "prepare failed: " << sqlite3_errmsg(h) << Qt::endl;
        return false;
    }
    NameMaker names;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!exec(h, "BEGIN"))
        return false;
    for (int i = 1; i <= n; ++i) {
        const QString country = countries.at(int(names.rng() % countries.size()));
        const QString name = names.make(country, i);
        const QString t = tags.at(int(names.rng() % tags.size()));
        const int wmin = int(names.rng() % 5000);
        sqlite3_reset(ins);
        bindText(ins, 1, newUuid());
        bindText(ins, 2, name);
        bindText(ins, 3, searchKey(name));
        bindText(ins, 4, country);
        bindText(ins, 5, sectors.at(int(names.rng() % sectors.size())));
        sqlite3_bind_int(ins, 6, 1 + int(names.rng() % 3));
        sqlite3_bind_int(ins, 7, wmin);
        sqlite3_bind_int(ins, 8, wmin + int(names.rng() % 3000));
        sqlite3_bind_double(ins, 9, (names.rng() % 1000) / 1000.0);
        bindText(ins, 10, statuses.at(int(names.rng() % statuses.size())));
        bindText(ins, 11, t);
        bindText(ins, 12, now);
        bindText(ins, 13, now);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            out << "insert failed: " << sqlite3_errmsg(h) << Qt::endl;
            return false;
        }
        const sqlite3_int64 key = sqlite3_last_insert_rowid(h);
        sqlite3_reset(search);
        sqlite3_bind_int64(search, 1, key);
        bindText(search, 2, searchKey(name));
        if (sqlite3_step(search) != SQLITE_DONE)
            return false;
        if (!t.isEmpty()) {
            sqlite3_reset(tag);
            sqlite3_bind_int64(tag, 1, key);
            bindText(tag, 2, t);
            if (sqlite3_step(tag) != SQLITE_DONE)
                return false;
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(search);
    sqlite3_finalize(tag);
    return exec(h, "COMMIT") && exec(h, "ANALYZE");
}

void firstRows(const QAbstractItemModel& m, int rows = 40)
{
    for (int r = 0; r < qMin(rows, m.rowCount()); ++r)
        for (int c = 0; c < m.columnCount(); ++c)
            (void)m.index(r, c).data();
}

void plan(Database& db, const QString& what, const QString& sql, const QVariantList& values)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return;
    out << "  plan of " << what << ":" << Qt::endl;
    while (q.next())
        out << "    " << q.value(3).toString() << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("VigilBench"));
    const QStringList args = app.arguments();
    const int n = args.size() > 1 && args.at(1).toInt() > 0 ? args.at(1).toInt() : 1'000'000;
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bench.vigil"));
    if (const int k = args.indexOf(QStringLiteral("--keep")); k > 0 && k + 1 < args.size())
        path = args.at(k + 1);
    QElapsedTimer t;

    out << "Supplier register, " << n << " suppliers" << Qt::endl;
    if (!QFile::exists(path)) {
        t.start();
        auto db = workspace::create(path);
        if (!db || !fill(*db.value(), n)) {
            out << "could not create the workspace" << (db ? QString() : db.error().toString()) << Qt::endl;
            return 1;
        }
        report("create workspace (one transaction)", t.nsecsElapsed(),
               QStringLiteral("%1 MB").arg(QFile(path).size() / 1e6, 0, 'f', 0));
    }

    // 1. Open and show the first page through the real model.
    t.start();
    auto opened = Database::open(path);
    if (!opened) {
        out << opened.error().toString() << Qt::endl;
        return 1;
    }
    const qint64 openNs = t.nsecsElapsed();
    SupplierStore store(std::move(opened).value());
    ui::SupplierTableModel model(&store);
    const int rows = model.rowCount();
    firstRows(model);
    report("open + first page (model)", t.nsecsElapsed(),
           QStringLiteral("Database::open %1 ms, %2 rows").arg(openNs / 1e6, 0, 'f', 1).arg(rows));
    t.start();
    (void)store.repository().distinctValues(QStringLiteral("country"));
    (void)store.repository().distinctValues(QStringLiteral("sector"));
    (void)store.repository().distinctValues(QStringLiteral("tag"));
    report("filter lists (distinct country/sector/tag)", t.nsecsElapsed());

    // 2. Filter by country, then search names.
    auto filtered = [&](const char* what, const SupplierFilter& f) {
        QElapsedTimer ft;
        ft.start();
        model.setFilter(f);
        firstRows(model);
        report(what, ft.nsecsElapsed(), QStringLiteral("%1 rows").arg(model.rowCount()));
    };
    SupplierFilter f;
    f.country = QStringLiteral("TH");
    filtered("filter country = TH", f);
    f.country = QStringLiteral("KE");
    filtered("filter country = KE", f);
    f = {};
    f.search = QStringLiteral("Mekong Rubber");
    filtered("search \"Mekong Rubber\"", f);
    f.search = QStringLiteral("สยามซีฟู้ด");
    filtered("search Thai \"สยามซีฟู้ด\"", f);
    f.search = QStringLiteral("纺织");
    filtered("search Chinese \"纺织\" (2 chars, no trigram)", f);
    f.search = QStringLiteral("Việt Tiến");
    filtered("search Vietnamese \"Việt Tiến\"", f);
    f.search = QStringLiteral("123456");
    filtered("search \"123456\" (few matches)", f);
    f.search = QStringLiteral("Siam");
    f.country = QStringLiteral("TH");
    filtered("search \"Siam\" + country TH", f);
    f = {};
    f.tag = QStringLiteral("high-priority");
    filtered("filter tag = high-priority", f);
    f = {};
    f.status = QStringLiteral("suspended");
    filtered("filter status = suspended (no index)", f);
    filtered("clear filter", {});

    // 3. Scroll to the end, sort.
    t.start();
    model.prefetch(model.rowCount() - 40, model.rowCount() - 1);
    (void)model.index(model.rowCount() - 1, 0).data();
    report("scroll to the end (prefetch last rows)", t.nsecsElapsed());
    t.start();
    model.sort(ui::SupplierTableModel::Name, Qt::DescendingOrder);
    firstRows(model);
    report("sort by name, descending", t.nsecsElapsed());
    t.start();
    model.sort(ui::SupplierTableModel::Workers, Qt::AscendingOrder);
    firstRows(model);
    report("sort by workers (no index)", t.nsecsElapsed());
    t.start();
    model.prefetch(rows / 2, rows / 2 + 40);
    report("sorted by workers: page in the middle", t.nsecsElapsed());
    model.sort(ui::SupplierTableModel::Name, Qt::AscendingOrder);

    // 4. The whole window: open, build the views, paint.
    {
        t.start();
        ui::MainWindow window;
        window.resize(1360, 820);
        window.show();
        if (!window.openWorkspace(path)) {
            out << "the main window could not open the workspace" << Qt::endl;
            return 1;
        }
        (void)window.grab();
        report("main window: open + first paint", t.nsecsElapsed(), window.statusText());
    }

    out << "peak memory (VmHWM)                           " << peakMemory() << Qt::endl;

    // Why the slow ones are slow (the SQL SupplierRepository runs, simplified to the keys).
    plan(store.database(), QStringLiteral("search + country count"),
         QStringLiteral("SELECT count(*) FROM suppliers WHERE country = ? AND rowid_ IN (SELECT rowid FROM "
                        "supplier_search WHERE names GLOB ?)"),
         {QStringLiteral("TH"), QStringLiteral("*siam*")});
    plan(store.database(), QStringLiteral("tag filter count"),
         QStringLiteral("SELECT count(*) FROM suppliers WHERE rowid_ IN (SELECT supplier_rowid FROM supplier_tags "
                        "WHERE tag = ?)"),
         {QStringLiteral("high-priority")});
    plan(store.database(), QStringLiteral("tag filter page"),
         QStringLiteral("SELECT rowid_ FROM suppliers WHERE rowid_ IN (SELECT supplier_rowid FROM supplier_tags WHERE "
                        "tag = ?) ORDER BY name_key, rowid_ LIMIT 256 OFFSET 0"),
         {QStringLiteral("high-priority")});
    plan(store.database(), QStringLiteral("status filter count"),
         QStringLiteral("SELECT count(*) FROM suppliers WHERE status = ?"), {QStringLiteral("suspended")});
    plan(store.database(), QStringLiteral("workers sort page"),
         QStringLiteral("SELECT rowid_ FROM suppliers ORDER BY coalesce(workers_max, workers_min), name_key, rowid_ "
                        "LIMIT 256 OFFSET 500000"),
         {});
    return 0;
}

#pragma once

// What Importer::run needs beside its row loop: where the time goes, the file's hash on a thread of its own, the
// journal mode of a large import, and how a row is laid over a stored record.
#include "importer/rowbuilder.h"
#include "model/supplier.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>

namespace vigil {

class Database;

// Where an import's time goes, printed on stderr when VIGIL_IMPORT_TIMING is set (bench/bench_import, profiling):
// per thread and stage, the thread's CPU time (steady on a busy machine) and the wall time.
struct StageTimes
{
    enum Stage { Read, Build, Match, Write, Finish, Wait, Count };
    explicit StageTimes(const char* label)
        : label(label)
    {
    }
    const char* label;
    bool enabled = qEnvironmentVariableIsSet("VIGIL_IMPORT_TIMING");
    qint64 ns[Count] = {};
    qint64 cpuNs[Count] = {};
    qint64 wallStart = -1;
    qint64 cpuStart = 0;
    Stage current = Read;
    static qint64 now(clockid_t clock)
    {
        timespec t{};
        clock_gettime(clock, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void start(Stage s)
    {
        if (!enabled)
            return;
        stop();
        current = s;
        wallStart = now(CLOCK_MONOTONIC);
        cpuStart = now(CLOCK_THREAD_CPUTIME_ID);
    }
    void stop()
    {
        if (!enabled || wallStart < 0)
            return;
        ns[current] += now(CLOCK_MONOTONIC) - wallStart;
        cpuNs[current] += now(CLOCK_THREAD_CPUTIME_ID) - cpuStart;
        wallStart = -1;
    }
    ~StageTimes()
    {
        stop();
        if (!enabled)
            return;
        static const char* names[Count] = {"read", "build", "match", "write", "finish", "waiting"};
        QByteArray line = QByteArray("import ") + label + " (cpu/wall s):";
        for (int i = 0; i < Count; ++i)
            if (ns[i] > 0)
                line += QByteArray(" ") + names[i] + ' ' + QByteArray::number(cpuNs[i] / 1e9, 'f', 2) + '/'
                    + QByteArray::number(ns[i] / 1e9, 'f', 2);
        std::fprintf(stderr, "%s\n", line.constData());
    }
};

// The SHA-256 of a file, computed on a thread of its own (started by the constructor) while the import reads the
// same file. The destructor stops and joins the thread.
class FileHasher
{
public:
    explicit FileHasher(const QString& path);
    ~FileHasher();
    FileHasher(const FileHasher&) = delete;
    FileHasher& operator=(const FileHasher&) = delete;
    // Waits for the hash (lowercase hex) or the error reading the file.
    Result<QString> result();

private:
    std::atomic<bool> m_stop{false};
    QString m_hex;
    QString m_failure;
    std::thread m_thread;
};

// A large import writes its pages once instead of twice. With a rollback journal, the pages added at the end of the
// file need no journal at all, where the write-ahead log takes a copy of every page and the checkpoint writes it
// again (a million suppliers: about 1.3 GB each way). SQLite allows the switch only when no other connection has the
// workspace open (the GUI's own connections, another process): otherwise begin() leaves the import in WAL mode.
// synchronous = FULL while it lasts (what a rollback journal needs to survive a power cut); the destructor brings
// back WAL and NORMAL, whatever the outcome. Atomicity is SQLite's either way: a crash leaves a hot journal that the
// next opening rolls back. Use outside a transaction.
class RollbackJournal
{
public:
    explicit RollbackJournal(Database& db);
    ~RollbackJournal();
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;
    // Switches to the rollback journal if nobody else has the workspace open; true if it did.
    bool begin();

private:
    Database& m_db;
    bool m_active = false;
};

// The stored record with the row's values laid over it: scalar fields the row has replace the stored ones, list
// fields and identifiers are united, a different name is kept as another name.
SupplierRecord mergeRow(const SupplierRecord& before, const BuiltRow& row);
bool sameRecord(const SupplierRecord& a, const SupplierRecord& b);

} // namespace vigil

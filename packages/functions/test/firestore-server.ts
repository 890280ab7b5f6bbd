// A loopback Firestore for the comments store, speaking Firestore's own wire protocol: gRPC with
// the google.firestore.v1 protos that ship in @google-cloud/firestore (firebase-admin's client),
// reached through FIRESTORE_EMULATOR_HOST as the Firestore emulator is. (The emulator itself needs
// Java 21, which Debian 12 does not have; firebase-admin's REST mode cannot reach an emulator
// without Google credentials: googleapis/nodejs-firestore#1811.) It answers two methods: Commit
// (creates only: a document that exists fails with ALREADY_EXISTS; REQUEST_TIME transforms get
// the commit time) and RunQuery (one collection under a parent, ordered by one field, limited),
// keeps the documents in memory, and records every request and its metadata for the test.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

type Value = Record<string, unknown>;
export interface StoredDocument {
  name: string;
  fields: Record<string, Value>;
  createTime: Timestamp;
  updateTime: Timestamp;
}
interface Timestamp {
  seconds: number;
  nanos: number;
}
export interface FirestoreCall {
  method: "Commit" | "RunQuery";
  request: Record<string, any>;
  authorization: string | undefined;
}

// firebase-admin brings @google-cloud/firestore; its protos are the wire format it speaks.
const protosDir = () => {
  const fromAdmin = createRequire(createRequire(import.meta.url).resolve("firebase-admin/firestore"));
  return join(dirname(fromAdmin.resolve("@google-cloud/firestore/package.json")), "build", "protos");
};

const now = (): Timestamp => {
  const ms = Date.now();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
};
const order = (a: Value | undefined, b: Value | undefined) => {
  const key = (v: Value | undefined) => {
    const t = v?.timestampValue as Timestamp | undefined;
    return t ? Number(t.seconds) * 1e9 + t.nanos : String(v?.stringValue ?? v?.integerValue ?? "");
  };
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function startFirestore() {
  const definition = protoLoader.loadSync("google/firestore/v1/firestore.proto", { includeDirs: [protosDir()], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true });
  const proto = grpc.loadPackageDefinition(definition) as any;
  const documents = new Map<string, StoredDocument>();
  const calls: FirestoreCall[] = [];
  const server = new grpc.Server();
  /** Set to make every call fail with this status, as a Firestore that refuses would. */
  const state: { failWith?: { code: grpc.status; details: string } } = {};
  const record = (method: FirestoreCall["method"], call: { request: any; metadata: grpc.Metadata }) => {
    calls.push({ method, request: call.request, authorization: call.metadata.get("authorization")[0]?.toString() });
    return state.failWith;
  };

  server.addService(proto.google.firestore.v1.Firestore.service, {
    Commit(call: grpc.ServerUnaryCall<any, any>, done: grpc.sendUnaryData<any>) {
      const failure = record("Commit", call);
      if (failure) return done(failure);
      const time = now();
      const results = [];
      for (const write of call.request.writes ?? []) {
        const doc = write.update as { name: string; fields?: Record<string, Value> } | undefined;
        if (!doc) return done({ code: grpc.status.UNIMPLEMENTED, details: "this loopback Firestore stores new documents only" });
        if (write.currentDocument?.exists !== false) return done({ code: grpc.status.UNIMPLEMENTED, details: "this loopback Firestore takes create() only" });
        if (documents.has(doc.name)) return done({ code: grpc.status.ALREADY_EXISTS, details: `Document already exists: ${doc.name}` });
        const fields = { ...doc.fields };
        const transformResults = [];
        for (const t of write.updateTransforms ?? []) {
          if (t.setToServerValue !== "REQUEST_TIME") return done({ code: grpc.status.UNIMPLEMENTED, details: `transform ${JSON.stringify(t)}` });
          fields[t.fieldPath] = { timestampValue: time };
          transformResults.push({ timestampValue: time });
        }
        documents.set(doc.name, { name: doc.name, fields, createTime: time, updateTime: time });
        results.push({ updateTime: time, transformResults });
      }
      done(null, { writeResults: results, commitTime: time });
    },
    RunQuery(call: grpc.ServerWritableStream<any, any>) {
      const failure = record("RunQuery", call);
      if (failure) return void call.emit("error", failure);
      const { parent, structuredQuery: q } = call.request;
      const collection = q?.from?.[0]?.collectionId;
      const by = q?.orderBy?.[0]?.field?.fieldPath as string | undefined;
      const prefix = `${parent}/${collection}/`;
      let found = [...documents.values()].filter((d) => d.name.startsWith(prefix) && !d.name.slice(prefix.length).includes("/"));
      if (by) found.sort((a, b) => order(a.fields[by], b.fields[by]) * (q.orderBy[0].direction === "DESCENDING" ? -1 : 1));
      if (q?.limit?.value !== undefined) found = found.slice(0, q.limit.value);
      const readTime = now();
      for (const document of found) call.write({ document, readTime });
      if (!found.length) call.write({ readTime });
      call.end();
    },
  });
  const port = await new Promise<number>((ok, fail) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? fail(e) : ok(p))));
  return {
    /** For FIRESTORE_EMULATOR_HOST. */
    host: `127.0.0.1:${port}`,
    documents,
    calls,
    state,
    close: () => new Promise<void>((ok) => server.tryShutdown(() => ok())),
  };
}

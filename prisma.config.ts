import { PrismaPg } from "@prisma/adapter-pg-v7";
import { defineConfig } from "prisma/config";

// The CLI runs the Wasm schema engine through a driver adapter, so it downloads nothing.
// adapter-pg v7 is used here because v6 cannot read the `name` columns that engine queries.

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The v7 adapter runs a migration by splitting it at every ";", which breaks function bodies
 * (e.g. the audit trail's trigger). Sending the whole file as one simple query lets PostgreSQL
 * parse it, and runs the migration as one implicit transaction: all of it applies, or none.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        // The adapter's own error mapping (protected), so the CLI reports the database's message.
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: () =>
    Promise.resolve(new WholeScriptPrismaPg({ connectionString: process.env.DATABASE_URL })),
});

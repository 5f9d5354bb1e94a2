// The community projection read inside the local server: the same ties as
// cypher/communities/project-page.cypher (kinds, weights, identifier cap; keep them in step,
// tests/integration/communities.test.ts compares the two), found in one sequential scan of the
// relationship store with kernel cursors and streamed as packed little-endian arrays, so neither
// Cypher nor the driver pays per tie. On county-42 (1.43M summed edges) it costs the server about
// 1 CPU second against about 11 for the paged Cypher read.
package county;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.RelationshipScanCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

public final class CommunityTies {
  private static final Label ENTITY = Label.label("Entity");
  private static final Label PERSON = Label.label("Person");
  private static final Label COMPANY = Label.label("Company");

  @Context public Transaction tx;

  /**
   * One record of the stream. The first records name the entities (persons and companies) in
   * id order, `keys` with their internal ids in `nodes` (float64 each, exact below 2^53) and
   * their current communityId in `communities` (int32 each, -1 for none); the
   * rest carry ties, one per position of `sources` and `targets` (int32 each: an entity's
   * position in that order) and `weights` (float64 each). Arrays are little-endian, in base64
   * text. Unused fields are null.
   */
  public static final class Chunk {
    public List<String> keys;
    public String nodes;
    /** Each entity's current communityId (int32; -1 for none), for the stable ids of the next run. */
    public String communities;
    public String sources;
    public String targets;
    public String weights;
  }

  @Procedure(name = "county.communities.ties", mode = Mode.READ)
  @Description("The community projection's ties (see cypher/communities/project-page.cypher), packed: entities in id order, then ties between their positions with their weights.")
  public Stream<Chunk> ties(
      @Name("weights") Map<String, Object> weights,
      @Name("identifierCap") long identifierCap,
      @Name(value = "chunk", defaultValue = "65536") long chunk) {
    if (chunk < 1 || chunk > 1 << 22) throw new IllegalArgumentException("chunk must be between 1 and 4194304, not " + chunk);
    Walk walk = new Walk(tx, new Weights(weights), identifierCap, (int) chunk);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The weight of each tie kind; a kind of weight 0 is not read. */
  private record Weights(double kin, double roleIn, double approved, double awardedTo, double shared, double transfer) {
    Weights(Map<String, Object> w) {
      this(get(w, "KIN"), get(w, "ROLE_IN"), get(w, "APPROVED"), get(w, "AWARDED_TO"), get(w, "SHARED_IDENTIFIER"), get(w, "TRANSFER"));
    }

    private static double get(Map<String, Object> w, String kind) {
      Object v = w.get(kind);
      if (!(v instanceof Number n)) throw new IllegalArgumentException("weights." + kind + " must be a number");
      double d = n.doubleValue();
      if (!(d >= 0) || Double.isInfinite(d)) throw new IllegalArgumentException("weights." + kind + " must be a number >= 0");
      return d;
    }
  }

  /** Finds every tie first, then hands out the chunks: the entity list, then the ties. */
  private static final class Walk implements Iterator<Chunk> {
    private final Weights weights;
    private final long identifierCap;
    private final int chunk;
    private final Node[] entities;
    private final String[] keys;
    /** Internal node id → position in id order for persons and companies, -1 for other nodes. */
    private final int[] position;
    private int keysSent = 0;
    private int tiesSent = 0;
    private int[] sources = new int[0];
    private int[] targets = new int[0];
    private double[] tieWeights = new double[0];
    private int filled = 0;
    private Chunk ready;

    Walk(Transaction tx, Weights weights, long identifierCap, int chunk) {
      this.weights = weights;
      this.identifierCap = identifierCap;
      this.chunk = chunk;
      HashMap<Long, Object[]> found = new HashMap<>();
      long highest = -1;
      for (Label label : new Label[] {PERSON, COMPANY}) {
        try (ResourceIterator<Node> it = tx.findNodes(label)) {
          while (it.hasNext()) {
            Node n = it.next();
            if (n.hasLabel(ENTITY) && n.getProperty("id", null) instanceof String id && found.putIfAbsent(n.getId(), new Object[] {id, n}) == null) {
              highest = Math.max(highest, n.getId());
            }
          }
        }
      }
      if (highest >= Integer.MAX_VALUE - 8) throw new IllegalStateException("internal node ids above 2^31 are not supported by this reader; use the paged reader");
      List<Object[]> byId = new ArrayList<>(found.values());
      // Cypher orders strings by code point; String.compareTo by UTF-16 unit.
      byId.sort(Comparator.comparing((Object[] e) -> (String) e[0], CommunityTies::compareCodePoints));
      entities = new Node[byId.size()];
      keys = new String[byId.size()];
      position = new int[(int) highest + 1];
      Arrays.fill(position, -1);
      for (int i = 0; i < byId.size(); i++) {
        keys[i] = (String) byId.get(i)[0];
        entities[i] = (Node) byId.get(i)[1];
        position[(int) entities[i].getId()] = i;
      }
      walk(tx);
    }

    @Override
    public boolean hasNext() {
      if (ready == null) ready = produce();
      return ready != null;
    }

    @Override
    public Chunk next() {
      if (!hasNext()) throw new NoSuchElementException();
      Chunk out = ready;
      ready = null;
      return out;
    }

    private Chunk produce() {
      if (keysSent < keys.length) {
        int to = Math.min(keys.length, keysSent + chunk);
        Chunk c = new Chunk();
        c.keys = Arrays.asList(Arrays.copyOfRange(keys, keysSent, to));
        ByteBuffer nodes = buffer(8 * (to - keysSent));
        ByteBuffer communities = buffer(4 * (to - keysSent));
        for (int i = keysSent; i < to; i++) {
          nodes.putDouble((double) entities[i].getId());
          Object community = entities[i].getProperty("communityId", null);
          communities.putInt(community instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? (int) (long) l : community instanceof Integer n && n >= 0 ? n : -1);
        }
        c.nodes = base64(nodes);
        c.communities = base64(communities);
        keysSent = to;
        return c;
      }
      if (tiesSent >= filled) return null;
      int to = (int) Math.min(filled, (long) tiesSent + chunk);
      int n = to - tiesSent;
      Chunk c = new Chunk();
      ByteBuffer s = buffer(4 * n);
      ByteBuffer t = buffer(4 * n);
      ByteBuffer w = buffer(8 * n);
      for (int i = tiesSent; i < to; i++) {
        s.putInt(sources[i]);
        t.putInt(targets[i]);
        w.putDouble(tieWeights[i]);
      }
      c.sources = base64(s);
      c.targets = base64(t);
      c.weights = base64(w);
      tiesSent = to;
      return c;
    }

    private void add(int a, long other, double w) {
      int pb = at(other);
      if (pb < 0 || pb == a || !(w > 0)) return;
      if (filled == sources.length) {
        int grown = Math.max(16, filled * 2);
        sources = Arrays.copyOf(sources, grown);
        targets = Arrays.copyOf(targets, grown);
        tieWeights = Arrays.copyOf(tieWeights, grown);
      }
      sources[filled] = a;
      targets[filled] = pb;
      tieWeights[filled] = w;
      filled++;
    }

    /** The position of an entity node, -1 for any other node. */
    private int at(long node) {
      return node < position.length ? position[(int) node] : -1;
    }

    /**
     * Every tie, from one sequential scan of the relationship store (kernel cursors, no
     * relationship chains walked): KIN and ROLE_IN are ties as they are; APPROVED, PAID_TO,
     * AWARDED_TO, HAS and TRANSFER are kept as arrays and joined in memory afterwards. A tie is
     * recorded from the same end as project-page.cypher records it; the collector sorts them.
     */
    private void walk(Transaction tx) {
      KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
      TokenRead tokens = ktx.tokenRead();
      int kin = tokens.relationshipType("KIN");
      int roleIn = tokens.relationshipType("ROLE_IN");
      int approvedType = tokens.relationshipType("APPROVED");
      int paidTo = tokens.relationshipType("PAID_TO");
      int awardedTo = tokens.relationshipType("AWARDED_TO");
      int has = tokens.relationshipType("HAS");
      int transfer = tokens.relationshipType("TRANSFER");
      int amountKey = tokens.propertyKey("amount");
      boolean approvals = weights.approved() > 0 || weights.awardedTo() > 0;
      boolean identifiers = weights.shared() > 0 || weights.transfer() > 0;
      LongPairs approved = new LongPairs();
      LongPairs outcomes = new LongPairs();
      LongPairs owned = new LongPairs();
      LongPairs transfers = new LongPairs();
      DoubleList transferWeights = new DoubleList();
      long highest = position.length - 1;
      try (RelationshipScanCursor rels = ktx.cursors().allocateRelationshipScanCursor(ktx.cursorContext(), ktx.memoryTracker());
          PropertyCursor props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker())) {
        ktx.dataRead().allRelationshipsScan(rels);
        while (rels.next()) {
          int type = rels.type();
          long source = rels.sourceNodeReference();
          long target = rels.targetNodeReference();
          if (type == kin || type == roleIn) {
            int a = at(source);
            if (a >= 0) add(a, target, type == kin ? weights.kin() : weights.roleIn());
          } else if (approvals && type == approvedType) {
            approved.add(source, target);
          } else if (approvals && (type == paidTo || type == awardedTo)) {
            // The outcome's kind travels as the sign: PAID_TO as is, AWARDED_TO as -1 - target.
            outcomes.add(source, type == paidTo ? target : -1 - target);
            highest = Math.max(highest, source);
          } else if (identifiers && type == has) {
            owned.add(target, source);
            highest = Math.max(highest, target);
          } else if (weights.transfer() > 0 && type == transfer) {
            double yuan = 0.0;
            rels.properties(props);
            while (props.next()) {
              if (props.propertyKey() == amountKey && props.propertyValue() instanceof NumberValue n) yuan = n.doubleValue();
            }
            transfers.add(source, target);
            transferWeights.add(weights.transfer() * (1.0 + Math.log10(1.0 + yuan)));
          }
        }
      }
      if (highest >= Integer.MAX_VALUE - 8) throw new IllegalStateException("internal node ids above 2^31 are not supported by this reader; use the paged reader");
      int nodes = (int) highest + 1;
      // The cadre who approved a grant or a project, and its beneficiary (APPROVED) or winner (AWARDED_TO).
      if (approvals) {
        Grouped out = new Grouped(outcomes, nodes);
        for (int k = 0; k < approved.size; k++) {
          int a = at(approved.first[k]);
          long m = approved.second[k];
          if (a < 0 || m >= nodes) continue;
          for (int j = out.start[(int) m]; j < out.start[(int) m + 1]; j++) {
            long b = out.values[j];
            if (b >= 0) add(a, b, weights.approved());
            else add(a, -1 - b, weights.awardedTo());
          }
        }
      }
      if (!identifiers) return;
      Grouped owners = new Grouped(owned, nodes);
      // Two owners of one identifier (phone, address, account) with at most identifierCap owners, from the owner with the smaller internal id.
      if (weights.shared() > 0) {
        for (int x = 0; x < nodes; x++) {
          int from = owners.start[x];
          int to = owners.start[x + 1];
          if (to - from < 2 || to - from > identifierCap) continue;
          for (int i = from; i < to; i++) {
            long self = owners.values[i];
            int a = at(self);
            if (a < 0) continue;
            for (int j = from; j < to; j++) if (owners.values[j] > self) add(a, owners.values[j], weights.shared());
          }
        }
      }
      // Money from an account of one owner to an account of another, per transfer.
      for (int k = 0; k < transfers.size; k++) {
        long fromAccount = transfers.first[k];
        long toAccount = transfers.second[k];
        if (fromAccount >= nodes || toAccount >= nodes) continue;
        for (int i = owners.start[(int) fromAccount]; i < owners.start[(int) fromAccount + 1]; i++) {
          long self = owners.values[i];
          int a = at(self);
          if (a < 0) continue;
          for (int j = owners.start[(int) toAccount]; j < owners.start[(int) toAccount + 1]; j++) {
            if (owners.values[j] != self) add(a, owners.values[j], transferWeights.values[k]);
          }
        }
      }
    }
  }

  /** Pairs of longs in two growing arrays. */
  private static final class LongPairs {
    long[] first = new long[1024];
    long[] second = new long[1024];
    int size = 0;

    void add(long x, long y) {
      if (size == first.length) {
        first = Arrays.copyOf(first, size * 2);
        second = Arrays.copyOf(second, size * 2);
      }
      first[size] = x;
      second[size] = y;
      size++;
    }
  }

  private static final class DoubleList {
    double[] values = new double[1024];
    int size = 0;

    void add(double x) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = x;
    }
  }

  /** Pairs grouped by their first element (counting sort, stable): the seconds of key k are values[start[k] .. start[k + 1]). */
  private static final class Grouped {
    final int[] start;
    final long[] values;

    Grouped(LongPairs pairs, int keys) {
      start = new int[keys + 1];
      for (int k = 0; k < pairs.size; k++) start[(int) pairs.first[k] + 1]++;
      for (int k = 0; k < keys; k++) start[k + 1] += start[k];
      int[] fill = Arrays.copyOf(start, keys);
      values = new long[pairs.size];
      for (int k = 0; k < pairs.size; k++) values[fill[(int) pairs.first[k]]++] = pairs.second[k];
    }
  }

  private static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Packed arrays travel as base64 text, not Bolt bytes: the JavaScript driver decodes a byte
   * array one byte at a time (about 85 ns a byte, 2.7 s for a county's ties), a string natively.
   */
  private static String base64(ByteBuffer bytes) {
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) return Integer.compare(a, b);
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }
}

-- The stock ledger's rules (src/domains/campaigns/campaign.schema.ts), written by hand because
-- drizzle-kit does not know functions or triggers. The ledger is append-only: an update or a
-- delete is refused, save the blanking of `recorded_by` when an account is erased. Each insert
-- adds its deltas to `supply_stock` in the same statement, whose checks refuse a stock below zero:
-- two transactions taking the last units wait on the point's stock row, and the second fails.
CREATE FUNCTION supply_ledger_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM supply_points WHERE id = NEW.point_id AND campaign_id = NEW.campaign_id) THEN
      RAISE EXCEPTION 'supply_ledger: the point % is not one of the campaign %', NEW.point_id, NEW.campaign_id
        USING ERRCODE = '23503';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.recorded_by IS NULL AND OLD.recorded_by IS NOT NULL
    AND (NEW.id, NEW.campaign_id, NEW.point_id, NEW.movement, NEW.on_hand_delta, NEW.reserved_delta,
         NEW.batch_id, NEW.allocation_id, NEW.corrects_id, NEW.reason, NEW.recorded_at)
      IS NOT DISTINCT FROM
        (OLD.id, OLD.campaign_id, OLD.point_id, OLD.movement, OLD.on_hand_delta, OLD.reserved_delta,
         OLD.batch_id, OLD.allocation_id, OLD.corrects_id, OLD.reason, OLD.recorded_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'supply_ledger is append-only: record a correction instead'
    USING ERRCODE = '2F003';
END;
$$;--> statement-breakpoint
CREATE TRIGGER supply_ledger_guard BEFORE INSERT OR UPDATE OR DELETE ON supply_ledger
  FOR EACH ROW EXECUTE FUNCTION supply_ledger_guard();--> statement-breakpoint
CREATE FUNCTION supply_ledger_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'supply_ledger is append-only: it cannot be truncated' USING ERRCODE = '2F003';
END;
$$;--> statement-breakpoint
CREATE TRIGGER supply_ledger_no_truncate BEFORE TRUNCATE ON supply_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION supply_ledger_no_truncate();--> statement-breakpoint
CREATE FUNCTION supply_ledger_sum() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Not an upsert: the checks would judge the inserted values alone, not the sum.
  INSERT INTO supply_stock (point_id, campaign_id) VALUES (NEW.point_id, NEW.campaign_id)
    ON CONFLICT (point_id) DO NOTHING;
  UPDATE supply_stock
    SET on_hand = on_hand + NEW.on_hand_delta, reserved = reserved + NEW.reserved_delta
    WHERE point_id = NEW.point_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER supply_ledger_sum AFTER INSERT ON supply_ledger
  FOR EACH ROW EXECUTE FUNCTION supply_ledger_sum();--> statement-breakpoint
-- The stock is written by the ledger's trigger only (trigger depth 2); a direct write is refused.
CREATE FUNCTION supply_stock_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'supply_stock is the sum of supply_ledger: record a movement instead'
      USING ERRCODE = '2F003';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER supply_stock_guard BEFORE INSERT OR UPDATE OR DELETE ON supply_stock
  FOR EACH ROW EXECUTE FUNCTION supply_stock_guard();

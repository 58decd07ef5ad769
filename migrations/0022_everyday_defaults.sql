-- Written by hand (data only, no schema change): the product's defaults are everyday ones now.
-- Rows still equal to the old default text take the new one; a row an administrator changed is
-- left as it is. Crisis-only categories close, except in a territory whose crisis is on (its end
-- closes them as usual).
UPDATE "categories" SET "guidance" = '{"fr":"Déposez ce que vous apportez devant la porte plutôt que d’entrer. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Leave what you bring at the door rather than going in. Never give money or your bank details: help is always free."}'::jsonb, "updated_at" = now()
WHERE "slug" = 'front-line-workers' AND "guidance" = '{"fr":"Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. Déposez ce que vous apportez devant la porte plutôt que d’entrer. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. Leave what you bring at the door rather than going in. Never give money or your bank details: help is always free."}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "active" = false, "updated_at" = now()
WHERE "slug" = 'front-line-workers' AND "active" AND "name" = '{"fr":"Aide aux soignants et travailleurs en première ligne","en":"Help for front-line workers"}'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "territories" t WHERE t."id" = "categories"."territory_id" AND t."crisis_mode");
--> statement-breakpoint
UPDATE "categories" SET "guidance" = '{"fr":"La personne aidée règle ses achats elle-même, au commerçant ou à la pharmacie ; gardez le ticket. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"The person helped pays the shop or pharmacy directly; keep the receipt. Never give money or your bank details: help is always free."}'::jsonb, "updated_at" = now()
WHERE "slug" = 'groceries-medicines' AND "guidance" = '{"fr":"Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. La personne aidée règle ses achats elle-même, au commerçant ou à la pharmacie ; gardez le ticket. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. The person helped pays the shop or pharmacy directly; keep the receipt. Never give money or your bank details: help is always free."}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "crisis" = false, "updated_at" = now()
WHERE "slug" = 'groceries-medicines' AND "crisis" AND "name" = '{"fr":"Courses de première nécessité et médicaments","en":"Essential groceries and medicines"}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "guidance" = '{"fr":"En cas d’inquiétude pour la santé de la personne, appelez le 15 ou le 112. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"If you are worried about the person’s health, call 15 or 112. Never give money or your bank details: help is always free."}'::jsonb, "updated_at" = now()
WHERE "slug" = 'phone-contact' AND "guidance" = '{"fr":"Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. En cas d’inquiétude pour la santé de la personne, appelez le 15 ou le 112. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. If you are worried about the person’s health, call 15 or 112. Never give money or your bank details: help is always free."}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "crisis" = false, "updated_at" = now()
WHERE "slug" = 'phone-contact' AND "crisis" AND "name" = '{"fr":"Contact téléphonique et écoute","en":"Phone contact and listening"}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "guidance" = '{"fr":"Seuls des bénévoles vérifiés par le Département peuvent répondre ; convenez des clés et de la durée par écrit. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Only volunteers verified by the Département may respond; agree on keys and dates in writing. Never give money or your bank details: help is always free."}'::jsonb, "updated_at" = now()
WHERE "slug" = 'carer-lodging' AND "guidance" = '{"fr":"Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. Seuls des bénévoles vérifiés par le Département peuvent répondre ; convenez des clés et de la durée par écrit. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. Only volunteers verified by the Département may respond; agree on keys and dates in writing. Never give money or your bank details: help is always free."}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "active" = false, "updated_at" = now()
WHERE "slug" = 'carer-lodging' AND "active" AND "name" = '{"fr":"Hébergement des soignants","en":"Lodging for carers"}'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "territories" t WHERE t."id" = "categories"."territory_id" AND t."crisis_mode");
--> statement-breakpoint
UPDATE "categories" SET "guidance" = '{"fr":"Suivez le patron et les règles de lavage recommandés par les autorités. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Follow the pattern and washing rules recommended by the authorities. Never give money or your bank details: help is always free."}'::jsonb, "updated_at" = now()
WHERE "slug" = 'masks-equipment' AND "guidance" = '{"fr":"Respectez les gestes barrières : lavage des mains, distance d’un mètre, masque, pas de contact direct. Suivez le patron et les règles de lavage recommandés par les autorités. Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.","en":"Keep to barrier gestures: wash your hands, keep one metre apart, wear a mask, no direct contact. Follow the pattern and washing rules recommended by the authorities. Never give money or your bank details: help is always free."}'::jsonb;
--> statement-breakpoint
UPDATE "categories" SET "active" = false, "updated_at" = now()
WHERE "slug" = 'masks-equipment' AND "active" AND "name" = '{"fr":"Fabrication et don de masques et d’équipements de protection","en":"Making and giving masks and protective equipment"}'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "territories" t WHERE t."id" = "categories"."territory_id" AND t."crisis_mode");

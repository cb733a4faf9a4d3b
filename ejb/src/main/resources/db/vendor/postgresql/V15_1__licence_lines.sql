-- The goods lines of licences issued before licence_line existed, from their sealed content
-- (jsonb: PostgreSQL only; the content keeps the lines in box 12's order).
insert into licence_line (licence_id, line_number, commodity_code, specification, unit_code, quantity, unit_price,
                          amount)
select l.id, line.ordinality, l.content::jsonb -> 'commodity' ->> 'code', line.value ->> 'specification',
       l.content::jsonb -> 'commodity' ->> 'unit', (line.value ->> 'quantity')::numeric,
       (line.value ->> 'unitPrice')::numeric, round((line.value ->> 'total')::numeric, 2)
  from licence l, jsonb_array_elements(l.content::jsonb -> 'lines') with ordinality as line(value, ordinality)
 where (line.value ->> 'quantity')::numeric > 0;

package org.xuke.catalog;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries over the catalogue tables; paging and sorting happen in the database. */
@Dependent
public class CatalogRepository {

    @PersistenceContext(unitName = "xuke")
    private EntityManager em;

    public <T extends CatalogEntry> List<T> find(CatalogKind kind, CatalogFilter filter, int first, int max,
            String sortAttribute, boolean ascending) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) kind.entityClass();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        query.where(predicates(kind, filter, cb, root));
        List<jakarta.persistence.criteria.Order> order = new ArrayList<>();
        if (sortAttribute != null && kind.columns().contains(sortAttribute)) {
            Path<?> path = path(root, sortAttribute);
            order.add(ascending ? cb.asc(path) : cb.desc(path));
        } else if (kind.isYearly()) {
            order.add(cb.desc(root.get("catalogYear")));
        }
        // A unique tie-breaker keeps pages stable.
        order.add(cb.asc(root.get("code")));
        order.add(cb.asc(root.get("id")));
        query.orderBy(order);
        return em.createQuery(query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public List<CalendarDay> allCalendarDays() {
        return em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList();
    }

    public long count(CatalogKind kind, CatalogFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<? extends CatalogEntry> root = query.from(kind.entityClass());
        query.select(cb.count(root)).where(predicates(kind, filter, cb, root));
        return em.createQuery(query).getSingleResult();
    }

    public List<Integer> years(CatalogKind kind) {
        if (!kind.isYearly()) {
            return List.of();
        }
        return em.createQuery("select distinct e.catalogYear from " + kind.entityClass().getSimpleName()
                + " e order by e.catalogYear desc", Integer.class).getResultList();
    }

    public boolean exists(CatalogKind kind, Integer year, String code) {
        CatalogFilter filter = new CatalogFilter(year, null, null, null);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<? extends CatalogEntry> root = query.from(kind.entityClass());
        Predicate[] base = predicates(kind, filter, cb, root);
        Predicate[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = cb.equal(root.get("code"), code);
        query.select(cb.count(root)).where(all);
        return em.createQuery(query).getSingleResult() > 0;
    }

    /** Removes the rows an import replaces: one year of a yearly catalogue, or the whole table. */
    public int deleteForReplacement(CatalogKind kind, Integer year) {
        String jpql = "delete from " + kind.entityClass().getSimpleName() + " e"
                + (kind.isYearly() ? " where e.catalogYear = :year" : "");
        var query = em.createQuery(jpql);
        if (kind.isYearly()) {
            query.setParameter("year", year);
        }
        return query.executeUpdate();
    }

    /** Authority code to licence-number code, for the authorities that have one. */
    public Map<String, String> licenceNumberCodes() {
        Map<String, String> codes = new HashMap<>();
        em.createQuery("select a.code, a.licenceNumberCode from IssuingAuthority a where a.licenceNumberCode is not null",
                Object[].class).getResultList().forEach(row -> codes.put((String) row[0], (String) row[1]));
        return codes;
    }

    public void persist(CatalogEntry entry) {
        em.persist(entry);
    }

    public void record(CatalogImport catalogImport) {
        em.persist(catalogImport);
    }

    /** The newest import of a catalogue (null before any): what a cached copy of it is checked against. */
    public Long lastImport(CatalogKind kind) {
        return em.createQuery("select max(i.id) from CatalogImport i where i.kind = :k", Long.class)
                .setParameter("k", kind).getSingleResult();
    }

    /** The names of these commodities (any of the years, any of the codes) with their units' names, in one query. */
    public List<GoodsName> goodsNames(Collection<Integer> years, Collection<String> codes) {
        return em.createQuery("select new org.xuke.catalog.GoodsName(c.catalogYear, c.code, c.nameZh, u.nameZh) "
                + "from Commodity c left join MeasurementUnit u on u.code = c.unitCode "
                + "where c.catalogYear in :years and c.code in :codes", GoodsName.class)
                .setParameter("years", years).setParameter("codes", codes).getResultList();
    }

    public <T extends CatalogEntry> T findByCode(Class<T> type, String code, Integer year) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(root.get("code"), code));
        if (year != null) {
            where.add(cb.equal(root.get("catalogYear"), year));
        }
        query.where(where.toArray(Predicate[]::new));
        return em.createQuery(query).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    public List<CatalogImport> recentImports(int max) {
        return em.createQuery("select i from CatalogImport i order by i.importedAt desc, i.id desc",
                CatalogImport.class).setMaxResults(max).getResultList();
    }

    private static Predicate[] predicates(CatalogKind kind, CatalogFilter filter, CriteriaBuilder cb,
            Root<? extends CatalogEntry> root) {
        List<Predicate> where = new ArrayList<>();
        if (filter.year() != null && kind.isYearly()) {
            where.add(cb.equal(root.get("catalogYear"), filter.year()));
        }
        if (notBlank(filter.code())) {
            where.add(cb.like(root.get("code"), escape(filter.code().strip()) + "%", '\\'));
        }
        if (notBlank(filter.category()) && kind.categoryAttribute() != null) {
            where.add(cb.equal(root.get(kind.categoryAttribute()), filter.category().strip()));
        }
        if (notBlank(filter.name())) {
            String pattern = "%" + escape(filter.name().strip().toLowerCase()) + "%";
            Predicate[] any = kind.nameAttributes().stream()
                    .map(attribute -> cb.like(cb.lower(root.get(attribute)), pattern, '\\'))
                    .toArray(Predicate[]::new);
            where.add(cb.or(any));
        }
        return where.toArray(Predicate[]::new);
    }

    private static Path<?> path(Root<?> root, String attribute) {
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
